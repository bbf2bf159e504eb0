-module(bs_old_big).
%% The same program compiled to OTP 24's construction instructions (bs_init2, bs_put_*, ...).
-compile([no_bs_create_bin, no_type_opt]).
-export([main/0, id/1]).

id(X) -> X.

mk(N) -> << <<(I rem 251)>> || I <- lists:seq(1, N) >>.

sum(<<X, T/binary>>, Acc) -> sum(T, Acc + X);
sum(<<>>, Acc) -> Acc.

chunks(<<C:100/binary, T/binary>>) -> [C | chunks(T)];
chunks(T) -> [T].

main() ->
    Sizes = [63, 64, 65, 100, 1000, 5000],
    Bins = [mk(id(N)) || N <- Sizes],
    erlang:display([{byte_size(B), sum(B, 0)} || B <- Bins]),
    B = lists:last(Bins),
    %% The same big binary shared in a list many times.
    Shared = lists:duplicate(50, B),
    erlang:display(length(Shared)),
    erlang:display(lists:sum([sum(X, 0) || X <- Shared])),
    %% Sub-binaries of a big binary, kept after the big one is dropped.
    Cs = chunks(B),
    erlang:display({length(Cs), [byte_size(C) || C <- Cs]}),
    erlang:display(lists:nth(7, Cs)),
    %% Concatenations growing past the heap limit.
    Grown = lists:foldl(fun(I, A) -> <<A/binary, I:32>> end, <<>>, lists:seq(1, 300)),
    erlang:display({byte_size(Grown), binary_part(Grown, 1190, 10)}),
    Mixed = <<(mk(100))/binary, 7:3, (mk(70))/binary>>,
    erlang:display({bit_size(Mixed), sum(<<(binary_part(mk(100), 0, 50))/binary>>, 0)}),
    <<_:3, M:90/binary, _/bits>> = Mixed,
    erlang:display(M),
    %% Equality and order between big binaries built differently.
    B1 = mk(id(200)),
    B2 = <<(mk(id(100)))/binary, (binary_part(mk(200), 100, 100))/binary>>,
    erlang:display({B1 =:= B2, B1 < <<B2/binary, 0>>, B1 > mk(199)}),
    %% Many garbage big binaries (the collector must release them).
    erlang:display(loop(id(2000), 0)),
    erlang:display(B1),
    ok.

loop(0, Acc) -> Acc;
loop(N, Acc) ->
    B = <<N:32, (mk(100))/binary>>,
    <<X:32, _/binary>> = B,
    loop(N - 1, Acc + X).
