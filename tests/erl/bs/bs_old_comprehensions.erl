-module(bs_old_comprehensions).
%% The same program compiled to OTP 24's construction instructions (bs_init2, bs_put_*, ...).
-compile([no_bs_create_bin, no_type_opt]).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    L = id(lists:seq(0, 40)),
    erlang:display(<< <<X>> || X <- L >>),
    erlang:display(<< <<X:3>> || X <- L, X rem 3 =:= 0 >>),
    erlang:display(<< <<(X * 2):16/little>> || <<X>> <= id(<<1, 2, 3, 250>>) >>),
    erlang:display([X || <<X:4>> <= id(<<"abcdefgh">>)]),
    erlang:display([{A, B} || <<A:3, B:5>> <= id(<<"xyzzy">>), A > 2]),
    erlang:display(<< <<B/binary, B/binary>> || <<B:2/binary>> <= id(<<"abcdefg">>) >>),
    erlang:display(<< <<C/utf8>> || C <- id([$a, 16#3B1, 16#2603, 16#1F600]) >>),
    erlang:display([C || <<C/utf8>> <= id(<<"aé☃"/utf8>>)]),
    erlang:display(<< <<X:1>> || X <- id([1, 0, 1, 1, 0, 0, 1, 0, 1]) >>),
    erlang:display(<< <<(id(X)):8/float>> || X <- [] >>),
    erlang:display(<< << <<Y>> || Y <- lists:seq(1, X) >> || X <- id([1, 2, 3, 4]) >>),
    Big = << <<(X rem 256)>> || X <- lists:seq(1, 1000) >>,
    erlang:display({byte_size(Big), binary_part(Big, 990, 10)}),
    erlang:display(lists:sum([X || <<X:16>> <= Big])),
    Floats = << <<F/float>> || F <- id([1.0, 2.5, -3.25]) >>,
    erlang:display([F || <<F/float>> <= Floats]),
    ok.
