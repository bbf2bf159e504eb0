%% The interpreter rows that branch on likely operand values (frame sizes 1 and 2, a fail label
%% that follows a fused return, a base case that returns its argument) must behave the same for
%% every other value: frames of 1 to 6 y registers through deallocate_return, call_last, trim;
%% base-case tables of other sizes and layouts; values outside the range (negative, atoms,
%% bignums, floats); recursion heads (N - 1; allocate; call and [H | T]; allocate; call) deep
%% enough to collect garbage in their allocate; and errors raised from them.
-module(fun_predicted_paths).
-export([main/0, id/1]).

main() ->
    erlang:display([fib(N) || N <- [0, 1, 2, 10, 20]]),
    erlang:display([base3(N) || N <- [0, 1, 2, 3, 12]]),
    erlang:display([base_neg(N) || N <- [-2, -1, 0, 1, 9]]),
    erlang:display([lim(?MODULE:id(X)) || X <- [0, 1, 1.0, 0.0, -1, -1.5, 1 bsl 70, 12]]),
    erlang:display(catch fib(?MODULE:id(a))),
    erlang:display([first(X) || X <- [0, 1, 7, ok, [], 1.0]]),
    erlang:display([count(N, 0) || N <- [0, 1, 1000]]),
    erlang:display([frames(K, 50) || K <- [1, 2, 3, 4, 5, 6]]),
    erlang:display(tail_frames(30000, 0)),
    erlang:display(trimmed(25, [])),
    L = lists:seq(1, 3000),
    erlang:display(lists:sum(dup(L))),
    erlang:display(length(app_rev(lists:seq(1, 200)))),
    D = down(20000),
    erlang:display({length(D), lists:sum(D), hd(D)}),
    erlang:display(catch down(?MODULE:id(foo))),
    ok.

id(X) -> X.

%% select_val on 0 and 1, both returning x0: return_if_in_range_X.
fib(0) -> 0;
fib(1) -> 1;
fib(N) -> fib(N - 1) + fib(N - 2).

%% The same table, other values stopped by guards after it.
lim(0) -> 0;
lim(1) -> 1;
lim(N) when is_float(N) -> {float, N};
lim(N) when N < 0 -> neg;
lim(N) when N > 1000 -> big;
lim(N) -> lim(N - 1) + lim(N - 2).

%% A table of three returning x0.
base3(0) -> 0;
base3(1) -> 1;
base3(2) -> 2;
base3(N) -> base3(N - 3) + 1.

%% A range that starts below zero.
base_neg(-2) -> -2;
base_neg(-1) -> -1;
base_neg(N) when N < -2 -> N;
base_neg(N) -> base_neg(N - 2) * 2.

%% is_eq_exact then move constant and return; the fail label follows.
first(0) -> zero;
first(X) -> {other, X}.

count(0, Acc) -> Acc;
count(N, Acc) -> count(N - 1, Acc + 1).

%% Frames of K y registers, kept live across a call each.
frames(1, N) -> f1(N);
frames(2, N) -> f2(N);
frames(3, N) -> f3(N);
frames(4, N) -> f4(N);
frames(5, N) -> f5(N);
frames(6, N) -> f6(N).

f1(0) -> 0;
f1(N) -> A = ?MODULE:id(N), f1(N - 1) + A.
f2(0) -> 0;
f2(N) -> A = ?MODULE:id(N), B = ?MODULE:id(2), f2(N - 1) + A * B.
f3(0) -> 0;
f3(N) -> A = ?MODULE:id(N), B = ?MODULE:id(2), C = ?MODULE:id(3), f3(N - 1) + A * B + C.
f4(0) -> 0;
f4(N) ->
    A = ?MODULE:id(N), B = ?MODULE:id(2), C = ?MODULE:id(3), D = ?MODULE:id(4),
    f4(N - 1) + A * B + C + D.
f5(0) -> 0;
f5(N) ->
    A = ?MODULE:id(N), B = ?MODULE:id(2), C = ?MODULE:id(3), D = ?MODULE:id(4),
    E = ?MODULE:id(5),
    f5(N - 1) + A * B + C + D + E.
f6(0) -> 0;
f6(N) ->
    A = ?MODULE:id(N), B = ?MODULE:id(2), C = ?MODULE:id(3), D = ?MODULE:id(4),
    E = ?MODULE:id(5), F = ?MODULE:id(6),
    f6(N - 1) + A * B + C + D + E + F.

%% Tail calls out of frames of several sizes (call_last deallocates them).
tail_frames(0, Acc) -> Acc;
tail_frames(N, Acc) ->
    case N rem 3 of
        0 -> A = ?MODULE:id(N), B = ?MODULE:id(1), tail_frames(N - 1, Acc + A + B);
        1 -> A = ?MODULE:id(N), tail_frames(N - 1, Acc + A);
        _ ->
            A = ?MODULE:id(N), B = ?MODULE:id(1), C = ?MODULE:id(2), D = ?MODULE:id(3),
            tail_frames(N - 1, Acc + A + B + C + D)
    end.

%% Values dead after the first call, live ones after: the compiler trims the frame.
trimmed(0, Acc) -> Acc;
trimmed(N, Acc) ->
    A = ?MODULE:id(N), B = ?MODULE:id(N * 2), C = ?MODULE:id(N * 3),
    X = ?MODULE:id(A + B),
    Y = ?MODULE:id(C),
    trimmed(N - 1, [X + Y | Acc]).

%% [H | T] recursion heads, deep enough to collect in their allocate.
dup([]) -> [];
dup([H | T]) -> [H, H | dup(T)].

app_rev([]) -> [];
app_rev([H | T]) -> app(app_rev(T), [H]).

app([], L) -> L;
app([H | T], L) -> [H | app(T, L)].

%% N - 1; allocate; save N; call.
down(0) -> [];
down(N) -> R = down(N - 1), [N | R].
