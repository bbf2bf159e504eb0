-module(bif_term_type).
-export([main/0, id/1]).

%% erts_internal:term_type/1 (the representation of a term: small or big integer, flat or hash
%% map, heap, refc or sub binary, ...) and erlang:bump_reductions/1.
id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    Small = [?MODULE:id(N) || N <- [0, -1, (1 bsl 59) - 1, -(1 bsl 59)]],
    Big = [?MODULE:id(N) || N <- [1 bsl 59, -(1 bsl 59) - 1, 1 bsl 200]],
    erlang:display([erts_internal:term_type(X) || X <- Small ++ Big]),
    Short = list_to_binary(lists:seq(1, ?MODULE:id(10))),
    Long = list_to_binary(lists:seq(1, ?MODULE:id(100))),
    <<_, Sub/binary>> = Long,
    <<_:3, Bits/bits>> = Short,
    erlang:display([erts_internal:term_type(X) || X <- [Short, Long, Sub, Bits]]),
    Flat = maps:from_list([{I, I} || I <- lists:seq(1, ?MODULE:id(32))]),
    Hash = Flat#{33 => 33},
    erlang:display([erts_internal:term_type(X) || X <- [#{}, Flat, Hash, maps:remove(33, Hash)]]),
    X = ?MODULE:id(7),
    Others = [?MODULE:id(a), ?MODULE:id([]), ?MODULE:id("s"), ?MODULE:id({}), ?MODULE:id(1.5),
              self(), make_ref(), fun() -> X end, fun lists:map/2],
    erlang:display([erts_internal:term_type(O) || O <- Others]),
    R0 = element(2, process_info(self(), reductions)),
    true = erlang:bump_reductions(?MODULE:id(1000)),
    R1 = element(2, process_info(self(), reductions)),
    erlang:display(R1 - R0 >= 1000),
    erlang:display([t(fun() -> erlang:bump_reductions(?MODULE:id(B)) end) || B <- [0, 10000000, -1, 1.0, a]]),
    ok.
