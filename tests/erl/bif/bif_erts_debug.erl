%% erts_debug:same/2, flat_size/1 and set_internal_state/2 (the switches OTP's suites use):
%% undef until available_internal_state is on, the loop limits swapped and reported as erl
%% does, badarg for bad items and values.
-module(bif_erts_debug).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    T = ?MODULE:id({a, [1, 2]}),
    erlang:display(erts_debug:same(T, T)),
    erlang:display(erts_debug:same(T, ?MODULE:id({a, [1, 2]}))),
    erlang:display(erts_debug:same(a, a)),
    erlang:display(erts_debug:same(1, 1)),
    %% Lists and tuples have the same word sizes in every BEAM.
    [erlang:display(erts_debug:flat_size(?MODULE:id(X)))
     || X <- [a, 1, [], [1, 2, 3], {a, b}, {[a], {b, [c, d]}}, "abcdef", [T, T]]],
    erlang:display(erts_debug:size([T, T]) < erts_debug:flat_size([T, T])),
    S = fun(I, V) -> reason(catch erts_debug:set_internal_state(I, ?MODULE:id(V))) end,
    erlang:display(S(binary_loop_limit, 10)),
    erlang:display(S(available_internal_state, x)),
    erlang:display(S(available_internal_state, true)),
    erlang:display(S(available_internal_state, true)),
    erlang:display([S(binary_loop_limit, V) || V <- [10, 20, default, -3, foo, 5, default]]),
    erlang:display([S(unicode_loop_limit, V) || V <- [10, default, 0, 1.0, 7, 0, default]]),
    erlang:display(S(no_such_item, 10)),
    erlang:display(S(available_internal_state, false)),
    erlang:display(S(unicode_loop_limit, 10)),
    ok.

reason({'EXIT', {R, _}}) -> R;
reason(Other) -> Other.
