-module(maps_large).
-export([main/0, id/1]).

id(X) -> X.

build(N) -> lists:foldl(fun(I, M) -> M#{I => I * I} end, #{}, lists:seq(1, N)).

main() ->
    M40 = maps:from_list([{I, I} || I <- lists:seq(1, 40)]),
    erlang:display(M40),
    erlang:display(maps:keys(M40)),
    erlang:display(maps:values(M40)),
    erlang:display(maps:to_list(M40)),
    erlang:display(maps:fold(fun(K, _, A) -> [K | A] end, [], M40)),
    erlang:display(map_size(M40)),
    %% 33 keys by update, and back to a flat map by removal
    M32 = maps:from_list([{I, x} || I <- lists:seq(1, 32)]),
    M33 = M32#{33 => y},
    erlang:display(M33),
    erlang:display(maps:remove(5, M33)),
    erlang:display(maps:remove(33, M33) =:= M32),
    %% built one key at a time equals built at once
    B = build(300),
    erlang:display(B =:= maps:from_list([{I, I * I} || I <- lists:seq(1, 300)])),
    erlang:display(maps:get(150, B)),
    erlang:display(lists:sum(maps:values(B))),
    erlang:display(maps:keys(B)),
    erlang:display(B),
    %% removals collapse nodes as erl does
    R = lists:foldl(fun(K, Acc) -> maps:remove(K, Acc) end, B, lists:seq(1, 300, 3)),
    erlang:display(R),
    erlang:display(map_size(R)),
    R2 = lists:foldl(fun(K, Acc) -> maps:remove(K, Acc) end, R, lists:seq(2, 300, 3)),
    erlang:display(R2),
    %% a thousand keys: full nodes
    K = maps:from_list([{I, I} || I <- lists:seq(1, 1000)]),
    erlang:display(K),
    erlang:display([maps:get(I, K) || I <- [1, 500, 1000]]),
    erlang:display(maps:is_key(1001, K)),
    %% other key types
    Neg = maps:from_list([{-I, I} || I <- lists:seq(1, 50)]),
    erlang:display(Neg),
    Big = maps:from_list([{I * 1000000000000000000000, I} || I <- lists:seq(1, 40)]),
    erlang:display(Big),
    Fl = maps:from_list([{I / 4, I} || I <- lists:seq(1, 40)] ++ [{0.0, zero}]),
    erlang:display(Fl),
    Tu = maps:from_list([{{I, [I]}, I} || I <- lists:seq(1, 40)]),
    erlang:display(Tu),
    Str = maps:from_list([{integer_to_list(I), I} || I <- lists:seq(1, 40)]),
    erlang:display(Str),
    erlang:display(maps:get("17", Str)),
    MixK = maps:from_list([{I, int} || I <- lists:seq(1, 20)] ++
                          [{float(I), float} || I <- lists:seq(1, 20)]),
    erlang:display(MixK),
    erlang:display({maps:get(3, MixK), maps:get(3.0, MixK)}),
    %% maps of maps as keys
    MK = maps:from_list([{#{I => I}, I} || I <- lists:seq(1, 40)]),
    erlang:display(MK),
    erlang:display(maps:get(#{7 => 7}, MK)),
    %% comparison and equality of large maps
    erlang:display(M40 == maps:from_list([{I, I * 1.0} || I <- lists:seq(1, 40)])),
    erlang:display(M40 =:= maps:from_list([{I, I * 1.0} || I <- lists:seq(1, 40)])),
    erlang:display(M40 < M40#{40 := 41}),
    erlang:display(M40 < maps:remove(1, M40#{41 => 1})),
    erlang:display(lists:sort([M40, M33, maps:remove(40, M40#{0 => 0}), #{}])),
    %% merge
    Mg = maps:merge(M40, maps:from_list([{I, m} || I <- lists:seq(30, 80)])),
    erlang:display(Mg),
    erlang:display(maps:merge(#{a => 1}, M40) =:= M40#{a => 1}),
    %% updates with :=
    U = (id(M40))#{1 := one, 40 := forty},
    erlang:display(U),
    %% literal large map
    L = #{1=>a,2=>b,3=>c,4=>d,5=>e,6=>f,7=>g,8=>h,9=>i,10=>j,11=>k,12=>l,13=>m,14=>n,15=>o,
          16=>p,17=>q,18=>r,19=>s,20=>t,21=>u,22=>v,23=>w,24=>x,25=>y,26=>z,27=>a1,28=>b1,
          29=>c1,30=>d1,31=>e1,32=>f1,33=>g1,34=>h1},
    erlang:display(L),
    erlang:display(L =:= maps:from_list(maps:to_list(L))),
    #{17 := Q, 34 := H1} = id(L),
    erlang:display({Q, H1}),
    ok.
