-module(exception_try_of).
-export([main/0, id/1]).

%% try ... of: exceptions in `of` clauses are not caught by the same
%% try; try_clause when no of-clause matches; guards in of/catch clauses.
id(X) -> X.

check(V) ->
    try ?MODULE:id(V) of
        N when is_integer(N), N > 0 -> {positive, N};
        N when is_integer(N) -> {nonpositive, N};
        {tag, X} -> {tagged, X};
        boom -> error(from_of)
    catch
        error:E when is_atom(E) -> {caught_error, E}
    end.

main() ->
    erlang:display([catch check(V) || V <- [5, -5, {tag, t}, other]]),
    erlang:display(catch check(boom)),
    erlang:display(try throw(?MODULE:id({code, 7})) catch throw:{code, C} when C > 5 -> {high, C}; throw:{code, C} -> {low, C} end),
    erlang:display(try throw(?MODULE:id({code, 3})) catch throw:{code, C2} when C2 > 5 -> {high, C2}; throw:{code, C2} -> {low, C2} end),
    erlang:display(catch try throw(?MODULE:id(unmatched)) catch throw:other -> no end),
    ok.
