-module(list_improper).
-export([main/0, id/1]).

%% Improper lists: construction, display, matching, errors from BIFs.
id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    erlang:display([?MODULE:id(X) || X <- [[1 | 2], [1, 2 | 3], [a | {}], [[] | []], [[1] | [2]], [1 | [2 | [3 | []]]], ["ab" | "cd"], [$a | $b], [1 | 2.5]]]),
    [H | T] = ?MODULE:id([x | y]),
    erlang:display({H, T}),
    erlang:display({is_list(?MODULE:id([a | b])), is_list(?MODULE:id([])), is_list(?MODULE:id("s"))}),
    erlang:display([t(fun() -> F(?MODULE:id([1, 2 | 3])) end)
                    || F <- [fun length/1, fun lists:reverse/1, fun lists:sum/1, fun erlang:list_to_tuple/1]]),
    erlang:display({last_tail, improper_tail(?MODULE:id([1, 2, 3 | tail]))}),
    ok.

improper_tail([_ | T]) -> improper_tail(T);
improper_tail(T) -> T.
