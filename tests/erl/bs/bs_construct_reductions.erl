-module(bs_construct_reductions).
-export([main/0, id/1]).

%% Building or appending to a large binary costs reductions in proportion to the bytes copied
%% (about one per KB), as in erl; the results are unchanged.
id(X) -> X.

reds(Fun) ->
    receive after 1 -> ok end,
    {reductions, R0} = process_info(self(), reductions),
    Res = Fun(),
    {reductions, R1} = process_info(self(), reductions),
    {R1 - R0, Res}.

main() ->
    TwoMeg = <<0:(2000 * 1024)/unit:8>>,
    Cases = [{2000, fun() -> <<0:8, TwoMeg/binary>> end},
             {4000, fun() -> <<0:8, TwoMeg/binary, TwoMeg/binary>> end},
             {1000, fun() -> <<0:8, TwoMeg:(1000 * 1024)/binary>> end},
             {2500, fun() -> <<TwoMeg/binary, TwoMeg:(2000 * 1024)/binary>> end}],
    erlang:display([begin {D, B} = reds(F), {D >= N, D < 3 * N, byte_size(B)} end || {N, F} <- Cases]),
    {Small, _} = reds(fun() -> <<(?MODULE:id(<<1, 2, 3>>))/binary, 4>> end),
    erlang:display(Small < 100),
    ok.
