-module(pterm_basic).
-export([main/0, id/1]).

%% persistent_term put/get/erase/info (only is_map: maps are not supported yet): values of every kind survive the putter's garbage
%% collections; =:= keys; replacing, erasing, missing keys; erlang:is_alive/0 and node/0 (which
%% read persistent_term).
id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R:S -> {C, R, element(1, hd(S)), element(2, hd(S)), element(3, hd(S))} end.

count() -> length(persistent_term:get()).

mine() -> lists:sort([KV || {{?MODULE, _}, _} = KV <- persistent_term:get()]).

churn() -> length(lists:reverse(lists:seq(1, 200000))).

main() ->
    erlang:display({is_alive(), node(), erlang:is_alive()}),
    C0 = count(),
    erlang:display(is_map(persistent_term:info())),
    erlang:display(persistent_term:put({?MODULE, a}, ?MODULE:id(1))),
    erlang:display({persistent_term:get({?MODULE, a}), persistent_term:get({?MODULE, a}, none),
                    persistent_term:get({?MODULE, missing}, none), count() - C0}),
    Value = ?MODULE:id({[1, 2.5, -7, "text", 1 bsl 100, -(1 bsl 80)], {nested, {deeper, [x | y]}},
                        fun lists:sort/1, <<>>, #{k => v, 1 => 2}, {}, []}),
    ok = persistent_term:put({?MODULE, b}, Value),
    Big = lists:seq(1, 100000),
    ok = persistent_term:put({?MODULE, big}, ?MODULE:id(Big)),
    Deep = lists:foldl(fun(I, Acc) -> {I, [Acc]} end, leaf, lists:seq(1, 50000)),
    ok = persistent_term:put({?MODULE, deep}, Deep),
    ok = persistent_term:put(?MODULE:id([1, {2, "key"}]), list_key),
    ok = persistent_term:put(?MODULE:id(1), int_key),
    ok = persistent_term:put(?MODULE:id(1.0), float_key),
    erlang:display(count() - C0),
    churn(),
    V = persistent_term:get({?MODULE, b}),
    erlang:display({V, V =:= Value}),
    churn(),
    erlang:display({persistent_term:get({?MODULE, big}) =:= Big,
                    lists:sum(persistent_term:get({?MODULE, big})),
                    persistent_term:get({?MODULE, deep}) =:= Deep}),
    erlang:display({persistent_term:get([1, {2, "key"}]), persistent_term:get(1),
                    persistent_term:get(1.0)}),
    %% Keep the term got before a replace: it stays valid.
    Old = persistent_term:get({?MODULE, b}),
    ok = persistent_term:put({?MODULE, b}, replaced),
    ok = persistent_term:put({?MODULE, a}, ?MODULE:id(1)),
    churn(),
    erlang:display({Old =:= Value, persistent_term:get({?MODULE, b}), count() - C0}),
    erlang:display([{K, if is_list(X), length(X) > 10 -> long; is_tuple(X) -> tuple; true -> X end}
                    || {K, X} <- mine()]),
    erlang:display({persistent_term:erase({?MODULE, b}), persistent_term:erase({?MODULE, b}),
                    persistent_term:erase(1), persistent_term:get(1.0), count() - C0}),
    erlang:display(t(fun() -> persistent_term:get(?MODULE:id({?MODULE, b})) end)),
    erlang:display(t(fun() -> persistent_term:get(?MODULE:id(1)) end)),
    erlang:display(persistent_term:get({?MODULE, b}, default)),
    [persistent_term:erase(K) || {K, _} <- mine()],
    [persistent_term:erase(K) || K <- [[1, {2, "key"}], 1.0]],
    erlang:display({count() - C0, mine()}),
    %% Many keys.
    [ok = persistent_term:put({?MODULE, I}, I * I) || I <- lists:seq(1, 1000)],
    erlang:display({count() - C0, lists:sum([persistent_term:get({?MODULE, I}) || I <- lists:seq(1, 1000)])}),
    [true = persistent_term:erase({?MODULE, I}) || I <- lists:seq(1, 1000)],
    erlang:display({count() - C0, is_alive()}),
    ok.
