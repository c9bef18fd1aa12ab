package com.subscriptionbff.graphql;

/**
 * An argument that sizes a list field (`first`, `days`), with the bounds its field enforces. {@link QueryLimits}
 * multiplies the selection under such a field by its value and refuses the whole request when the value is out of
 * bounds. A feature whose list is sized by an argument of its own declares it as a bean; `first` is declared here.
 *
 * @param name the argument's name, on whichever field it appears
 * @param min  the smallest value its fields accept
 * @param max  the largest value its fields accept
 */
public record SizingArgument(String name, int min, int max) {
}
