-module(hash_random).
-export([main/0, id/1]).
-compile({nowarn_deprecated_function, [{erlang, phash, 2}]}).

%% erlang:phash2/1,2 and erlang:phash/2 on pseudo-random terms of every type (no pids or
%% references: their values differ between runtimes).
id(X) -> X.

next(S) -> (S * 1103515245 + 12345) band 16#7FFFFFFF.

rnd(S, N) ->
    S1 = next(S),
    {(S1 bsr 7) rem N, S1}.

atoms() ->
    {a, b, ok, error, 'hello world', '', 'ä', 'Ärger', '\x{400}x', '\x{1F600}', 'UPPER',
     nonode@nohost, true, false, undefined, 'a-very-long-atom-name-for-hashing-purposes'}.

bits() ->
    {<<>>, <<1:1>>, <<5:3>>, <<255, 3:2>>, <<"abcdefghijklmnop", 1:7>>}.

gen(S0, Depth) ->
    {Kind, S1} = rnd(S0, case Depth of 0 -> 8; _ -> 16 end),
    gen(Kind, S1, Depth).

gen(0, S0, _) ->
    {N, S1} = rnd(S0, 1000), {N - 500, S1};
gen(1, S0, _) ->
    {N, S1} = rnd(S0, 1 bsl 30), {E, S2} = rnd(S1, 40), {Neg, S3} = rnd(S2, 2),
    V = N bsl E, {case Neg of 0 -> V; 1 -> -V end, S3};
gen(2, S0, _) ->
    {N, S1} = rnd(S0, 1 bsl 30), {E, S2} = rnd(S1, 200), {Neg, S3} = rnd(S2, 2),
    V = (N bsl E) + N, {case Neg of 0 -> V; 1 -> -V end, S3};
gen(3, S0, _) ->
    {A, S1} = rnd(S0, 100000), {B, S2} = rnd(S1, 1000), {E, S3} = rnd(S2, 60),
    {(A - 50000) / (B + 1) * math:pow(10, E - 30), S3};
gen(4, S0, _) ->
    {I, S1} = rnd(S0, tuple_size(atoms())), {element(I + 1, atoms()), S1};
gen(5, S0, _) ->
    {N, S1} = rnd(S0, 20), string(N, S1, []);
gen(6, S0, _) ->
    {N, S1} = rnd(S0, 80), {L, S2} = string(N, S1, []), {list_to_binary(L), S2};
gen(7, S0, _) ->
    {I, S1} = rnd(S0, tuple_size(bits())), {element(I + 1, bits()), S1};
gen(8, S0, D) ->
    {N, S1} = rnd(S0, 6), {L, S2} = terms(N, S1, D - 1, []), {list_to_tuple(L), S2};
gen(9, S0, D) ->
    {N, S1} = rnd(S0, 6), terms(N, S1, D - 1, []);
gen(10, S0, D) ->
    {N, S1} = rnd(S0, 4), {L, S2} = terms(N, S1, D - 1, []), {T, S3} = gen(S2, 0),
    {L ++ T, S3};
gen(11, S0, D) ->
    {N, S1} = rnd(S0, 5), {L, S2} = terms(2 * N, S1, D - 1, []),
    {maps:from_list(pairs(L)), S2};
gen(12, S0, D) ->
    {N, S1} = rnd(S0, 50), {L, S2} = terms(N, S1, 0, []),
    {T, S3} = gen(S2, D - 1),
    {maps:from_list([{K, T} || K <- L]), S3};
gen(13, S0, _) ->
    {I, S1} = rnd(S0, 3),
    {element(I + 1, {fun lists:map/2, fun erlang:phash2/1, fun ?MODULE:id/1}), S1};
gen(14, S0, D) ->
    {X, S1} = gen(S0, D - 1),
    {fun(Y) -> {X, Y} end, S1};
gen(15, S0, _) ->
    {N, S1} = rnd(S0, 300), {N, S1}.

string(0, S, Acc) -> {Acc, S};
string(N, S0, Acc) -> {C, S1} = rnd(S0, 256), string(N - 1, S1, [C | Acc]).

terms(0, S, _, Acc) -> {Acc, S};
terms(N, S0, D, Acc) -> {T, S1} = gen(S0, D), terms(N - 1, S1, D, [T | Acc]).

pairs([K, V | T]) -> [{K, V} | pairs(T)];
pairs(_) -> [].

run(0, _S) -> ok;
run(N, S0) ->
    {T0, S1} = gen(S0, 3),
    T = ?MODULE:id(T0),
    erlang:display({erlang:phash2(T), erlang:phash2(T, 1000), erlang:phash2(T, 1 bsl 32),
                    erlang:phash(T, 1 bsl 32), erlang:phash(T, 7)}),
    run(N - 1, S1).

main() ->
    run(2000, 7),
    ok.
