-module(bs_gc).
-export([main/0, id/1]).

id(X) -> X.

%% Matching while allocating a lot: match contexts and sub-binaries must survive collections.
walk(<<N:16, Rest/binary>>, Acc) ->
    Junk = lists:seq(1, N rem 50),
    walk(Rest, [{N, length(Junk), <<N:24/little>>} | Acc]);
walk(<<>>, Acc) -> lists:reverse(Acc).

build(0, Acc) -> Acc;
build(N, Acc) -> build(N - 1, <<Acc/binary, (N rem 256), (lists:sum(lists:seq(1, N rem 10))):16>>).

main() ->
    B = << <<(I * 7):16>> || I <- lists:seq(1, 3000) >>,
    L = walk(B, []),
    erlang:display({length(L), lists:nth(1000, L), lists:last(L)}),
    R = build(id(2000), <<>>),
    erlang:display({byte_size(R), binary_part(R, 3000, 12)}),
    Parts = [P || <<P:5/binary>> <= R],
    erlang:display({length(Parts), lists:nth(555, Parts)}),
    ok.
