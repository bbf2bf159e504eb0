-module(bin_sizes).
-export([main/0, id/1]).

%% byte_size/1, bit_size/1, binary_part/2,3, split_binary/2, in and out of guards.
id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

g(B) when byte_size(B) > 2, bit_size(B) < 100 -> small;
g(B) when binary_part(B, 0, 1) =:= <<"x">> -> x;
g(_) -> other.

main() ->
    Big = binary:copy(?MODULE:id(<<"0123456789">>), 20),
    Bins = [<<>>, <<"a">>, <<1,2,3>>, <<1,2:4>>, <<7:3>>, Big],
    erlang:display([{byte_size(?MODULE:id(B)), bit_size(?MODULE:id(B))} || B <- Bins]),
    erlang:display([t(fun() -> byte_size(?MODULE:id(X)) end) || X <- [a, 1, "ab", {<<>>}]]),
    erlang:display([t(fun() -> bit_size(?MODULE:id(X)) end) || X <- [a, 1, "ab"]]),
    erlang:display([g(?MODULE:id(X)) || X <- [<<"abc">>, <<"xy">>, <<"y">>, a, Big]]),
    Parts = [{0, 0}, {0, 3}, {1, 2}, {3, 0}, {3, -2}, {2, -2}, {0, 4}, {4, 0}, {-1, 1},
             {1, -2}, {a, 1}, {1, 1.0}, {1 bsl 70, 1}],
    erlang:display([t(fun() -> binary_part(?MODULE:id(<<1,2,3>>), S, L) end) || {S, L} <- Parts]),
    erlang:display([t(fun() -> binary_part(?MODULE:id(<<1,2,3>>), P) end) || P <- Parts]),
    erlang:display([t(fun() -> binary_part(?MODULE:id(X), {0, 1}) end)
                    || X <- [a, <<1:4>>, <<1,2:4>>, "abc"]]),
    erlang:display(t(fun() -> binary_part(?MODULE:id(<<1,2,3>>), {1}) end)),
    erlang:display(t(fun() -> binary_part(?MODULE:id(<<1,2,3>>), [1, 1]) end)),
    erlang:display(binary_part(Big, 95, 10)),
    erlang:display(binary_part(Big, {200, -70})),
    erlang:display([t(fun() -> split_binary(?MODULE:id(<<1,2,3>>), P) end)
                    || P <- [0, 1, 3, 4, -1, a, 1 bsl 70]]),
    erlang:display([t(fun() -> split_binary(?MODULE:id(X), 1) end)
                    || X <- [<<1,2:4>>, <<1:4>>, a, [1,2]]]),
    erlang:display(split_binary(Big, 99)),
    {A, B} = split_binary(Big, 150),
    erlang:display({byte_size(A), byte_size(B), A, B}),
    ok.
