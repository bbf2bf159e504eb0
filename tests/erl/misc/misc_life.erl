-module(misc_life).
-export([main/0, id/1]).

%% Conway's game of life on a small torus, cells as a sorted list of {X,Y}.
id(X) -> X.

-define(W, 12).
-define(H, 12).

step(Live) ->
    Cands = lists:usort(lists:append([neigh(C) || C <- Live]) ++ Live),
    [C || C <- Cands, alive(C, Live)].

neigh({X, Y}) ->
    [{(X + DX + ?W) rem ?W, (Y + DY + ?H) rem ?H} || DX <- [-1, 0, 1], DY <- [-1, 0, 1], {DX, DY} =/= {0, 0}].

alive(C, Live) ->
    N = length([1 || Nb <- neigh(C), lists:member(Nb, Live)]),
    case lists:member(C, Live) of
        true -> N =:= 2 orelse N =:= 3;
        false -> N =:= 3
    end.

run(0, L) -> L;
run(N, L) -> run(N - 1, step(L)).

render(Live) -> [[case lists:member({X, Y}, Live) of true -> $#; false -> $. end || X <- lists:seq(0, ?W - 1)] || Y <- lists:seq(0, ?H - 1)].

main() ->
    Glider = ?MODULE:id([{1, 0}, {2, 1}, {0, 2}, {1, 2}, {2, 2}]),
    [erlang:display(Row) || Row <- render(run(4, Glider))],
    erlang:display(run(48, Glider)),
    Blinker = ?MODULE:id([{5, 4}, {5, 5}, {5, 6}]),
    erlang:display({run(1, Blinker), run(2, Blinker) =:= lists:sort(Blinker)}),
    ok.
