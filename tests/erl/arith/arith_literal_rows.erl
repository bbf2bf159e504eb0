%% The arithmetic rows with a small-integer literal operand (X+1, Y-2, ...): their fast path
%% on small integers, and the shared slow path for bignums, floats, overflow at the small
%% boundary and errors (caught and in stack traces).
-module(arith_literal_rows).
-export([main/0, fib/1]).

fib(0) -> 0;
fib(1) -> 1;
fib(N) -> fib(N - 1) + fib(N - 2).

inc(X) -> X + 1.
dec(X) -> X - 1.
dec7(X) -> X - 7.
neg_lit(X) -> X + -5.
%% Y register operand: X is live across the call.
keep(X) -> V = id(X), {X - 3, V + 4, X + 2}.
%% Result into a y register: used after a call.
to_y(X) -> Y = X + 1, _ = id(Y), Y + id(0).
id(X) -> X.

values() ->
    [0, 1, -1, 41, 1 bsl 59 - 1, -(1 bsl 59), 1 bsl 59, -(1 bsl 59) - 1, 1 bsl 64, -(1 bsl 70),
     2.5, -0.0, 1.0e300].

main() ->
    io:format("fib ~p~n", [[fib(N) || N <- lists:seq(0, 20)]]),
    [io:format("~p: ~p ~p ~p ~p ~p ~p~n",
               [V, inc(V), dec(V), dec7(V), neg_lit(V), keep(V), to_y(V)])
     || V <- values()],
    [io:format("~p: ~p~n", [Bad, catch inc(Bad)]) || Bad <- [a, "x", {1}, <<1>>]],
    [io:format("~p: ~p~n", [Bad, catch keep(Bad)]) || Bad <- [a, []]],
    [io:format("~p: ~p~n", [Bad, catch fib(Bad)]) || Bad <- [a, "1"]],
    Trace = fun(F, A) ->
                    try F(A) of R -> {ok, R}
                    catch error:E:St -> {E, [{M, Fn, Ar} || {M, Fn, Ar, _} <- lists:sublist(St, 2)]}
                    end
            end,
    io:format("~p~n", [[Trace(F, a) || F <- [fun inc/1, fun dec/1, fun keep/1, fun to_y/1]]]),
    ok.
