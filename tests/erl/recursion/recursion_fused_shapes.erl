%% Code shapes the loader fuses into superinstructions (allocate + moves + call, move pairs
%% that read what the first move wrote, test_heap + put_list, two tuple elements where the
%% second overwrites the tuple's register, constant returns after tests), each run deep
%% enough to be preempted mid-way, so a yield inside a fused instruction is exercised too.
-module(recursion_fused_shapes).
-export([main/0, id/1]).

id(X) -> X.

%% allocate 1; move x->y; move x->x; call; arith; deallocate + return
fib(0) -> 0;
fib(1) -> 1;
fib(N) -> fib(N - 1) + fib(N - 2).

%% argument rotations: moves whose second move reads the first one's destination
rot(0, A, B, C) -> {A, B, C};
rot(N, A, B, C) -> rot(N - 1, B, C, A).

swapsum(0, A, B, Acc) -> {A, B, Acc};
swapsum(N, A, B, Acc) -> swapsum(N - 1, B, A, Acc + A - B).

%% is_nonempty_list + allocate + get_list + call; test_heap + put_list + deallocate + return
app([H | T], L) -> [H | app(T, L)];
app([], L) -> L.

nrev([H | T]) -> app(nrev(T), [H]);
nrev([]) -> [].

%% is_tuple + test_arity + two get_tuple_element (the second into the tuple's register)
check({nil, nil}) -> 1;
check({L, R}) -> 1 + check(L) + check(R).

make(0) -> {nil, nil};
make(D) -> {make(D - 1), make(D - 1)}.

%% a pair that is not a 2-tuple, and other failures after a fused test
kind({A, B}) when is_atom(A), is_atom(B) -> atoms;
kind({_, _}) -> pair;
kind({_, _, _}) -> triple;
kind(_) -> other.

%% select on small integers into a constant return
small(0) -> zero;
small(1) -> one;
small(2) -> two;
small(N) when N < 0 -> negative;
small(_) -> many.

%% a bignum through the fused arithmetic rows: the slow path inside them
grow(0, Acc) -> Acc;
grow(N, Acc) -> grow(N - 1, Acc + Acc + 1).

main() ->
    erlang:display(fib(id(24))),
    erlang:display(rot(id(100001), a, b, c)),
    erlang:display(swapsum(id(100001), 3, 10, 0)),
    L = lists:seq(1, id(300)),
    R = nrev(L),
    erlang:display({length(R), hd(R), lists:last(R), R =:= lists:reverse(L)}),
    erlang:display(check(make(id(15)))),
    erlang:display([kind(id(T)) || T <- [{a, b}, {1, b}, {1, 2, 3}, [a], {}, 7]]),
    erlang:display([small(id(N)) || N <- [-5, 0, 1, 2, 3, 1 bsl 70]]),
    erlang:display(grow(id(80), 0)),
    erlang:display(catch fib(id(foo))),
    erlang:display(catch app(id(improper), [x])),
    erlang:display(catch check(id({a, b, c}))).
