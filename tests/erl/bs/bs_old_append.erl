-module(bs_old_append).
%% The same program compiled to OTP 24's construction instructions (bs_init2, bs_put_*, ...).
-compile([no_bs_create_bin, no_type_opt]).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    A1 = id(<<"abc">>),
    A2 = <<A1/binary, "x">>,
    B1 = <<A2/binary, "p">>,
    B2 = <<A2/binary, "q">>,
    B3 = <<B1/binary, "r">>,
    B4 = <<B1/binary, "s">>,
    erlang:display({A1, A2, B1, B2, B3, B4}),
    X = <<A2/bits, (id(1)):3>>,
    Y = <<A2/bits, (id(2)):3>>,
    Z = <<X/bits, (id(5)):5>>,
    W = <<X/bits, (id(6)):5>>,
    erlang:display({X, Y, Z, W, A2}),
    %% Growing one accumulator while keeping every intermediate value.
    {Last, All} = lists:foldl(fun(I, {Acc, Seen}) ->
                                      N = <<Acc/binary, I>>,
                                      {N, [N | Seen]}
                              end, {<<>>, []}, lists:seq(1, 100)),
    erlang:display({byte_size(Last), [byte_size(S) || S <- lists:sublist(All, 5)]}),
    erlang:display(lists:nth(60, All)),
    %% Two accumulators forked from the same value.
    Base = lists:foldl(fun(I, Acc) -> <<Acc/binary, I>> end, <<>>, lists:seq(1, 70)),
    F1 = lists:foldl(fun(I, Acc) -> <<Acc/binary, I>> end, Base, lists:seq(100, 110)),
    F2 = lists:foldl(fun(I, Acc) -> <<Acc/binary, I>> end, Base, lists:seq(200, 210)),
    erlang:display({Base, F1, F2}),
    %% Matching on an accumulator, then appending to it.
    <<_:8, Rest/binary>> = F1,
    R2 = <<Rest/binary, 255>>,
    erlang:display({byte_size(Rest), R2, F1}),
    %% Comprehension results appended to later.
    C = << <<I:4>> || I <- lists:seq(1, 9) >>,
    erlang:display({C, <<C/bits, 15:4>>, <<C/bits, 0:4>>, C}),
    ok.
