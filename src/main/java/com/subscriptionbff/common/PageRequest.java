package com.subscriptionbff.common;

/** The validated `first` of a connection: 1 to 100. */
public final class PageRequest {

    public static final int MAX_PAGE_SIZE = 100;

    private PageRequest() {
    }

    public static int size(Integer first, int defaultSize) {
        int size = first == null ? defaultSize : first;
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadRequestException("first must be between 1 and " + MAX_PAGE_SIZE);
        }
        return size;
    }
}
