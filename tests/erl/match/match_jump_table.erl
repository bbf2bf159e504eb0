%% case/function clauses over dense small integers (the loader's jump table): values
%% below, inside and above the range, negative ranges, and terms that are not small
%% integers (floats equal to a case value, bignums, atoms, pids, lists) falling through.
-module(match_jump_table).
-export([main/0]).

small(0) -> zero;
small(1) -> one;
small(2) -> two;
small(4) -> four;
small(_) -> other.

neg(-3) -> m3;
neg(-2) -> m2;
neg(-1) -> m1;
neg(0) -> z;
neg(_) -> other.

same(0) -> low;
same(1) -> low;
same(_) -> high.

big(1152921504606846970) -> near_max;
big(1152921504606846971) -> near_max1;
big(_) -> other.

case_in(X) ->
    case X of
        10 -> {ten}; 11 -> {eleven}; 12 -> {twelve}; 13 -> {thirteen}; 15 -> {fifteen};
        _ -> {other}
    end.

values() ->
    [-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 9, 10, 11, 12, 13, 14, 15, 16, 100,
     -1152921504606846976, 1152921504606846975, 1152921504606846970, 1152921504606846971,
     1 bsl 60, -(1 bsl 60), 1 bsl 64, 0.0, 1.0, 2.0, -1.0, 10.0, a, [], [1], {0}, <<0>>,
     self(), make_ref(), fun() -> ok end].

main() ->
    Show = fun(V) when is_pid(V) -> pid; (V) when is_reference(V) -> ref; (V) -> V end,
    [io:format("~p ~p ~p ~p ~p ~p~n",
               [Show(V), small(V), neg(V), same(V), big(V), element(1, case_in(V))])
     || V <- values()],
    ok.
