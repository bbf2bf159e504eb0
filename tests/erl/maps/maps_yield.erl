%% maps:from_list/1, from_keys/2, keys/1 and values/1 on large inputs: erl's BIFs yield
%% (trap) on them, with the BIF as the process's current function meanwhile. Results and
%% errors as erl's, and the yields seen through erlang:trace/3's `running` events.
-module(maps_yield).
-export([main/0]).

main() ->
    L = [{X, X * 2} || X <- lists:seq(1, 100000)],
    M = maps:from_list(L),
    M2 = maps:from_keys(lists:seq(1, 300000), ok),
    K = maps:keys(M2),
    V = maps:values(M),
    io:format("~p ~p ~p ~p~n", [map_size(M), map_size(M2), length(K), lists:sum(V)]),
    io:format("~p~n", [erlang:phash2(maps:to_list(M)) =:= erlang:phash2(lists:zip(maps:keys(M), maps:values(M)))]),
    io:format("~p~n", [K =:= [Kx || {Kx, _} <- maps:to_list(M2)]]),
    io:format("~p~n", [erlang:phash2(maps:to_list(M))]),
    %% Later pairs win, across slices too.
    Dups = maps:from_list([{X rem 7, X} || X <- lists:seq(1, 90000)]),
    io:format("~p~n", [Dups]),
    %% Errors name the BIF and its argument. (A bad element past the first slice is left
    %% out: erl 25.2.3 spins forever on maps:from_list/1 there.)
    show(catch maps:from_list(lists:seq(1, 5000) ++ [a])),
    %% Yields: out/in pairs naming the BIF.
    io:format("~p~n", [yields(fun() -> maps:from_list(L) end, {maps, from_list, 1}) > 2]),
    io:format("~p~n", [yields(fun() -> maps:from_keys(K, x) end, {maps, from_keys, 2}) > 2]),
    io:format("~p~n", [yields(fun() -> maps:keys(M2) end, {maps, keys, 1}) > 2]),
    io:format("~p~n", [yields(fun() -> maps:values(M2) end, {maps, values, 1}) > 2]),
    ok.

show({'EXIT', {Reason, [{Mod, F, Args, _} | _]}}) ->
    io:format("~p ~p:~p/~p ~p~n", [Reason, Mod, F, length(Args), erlang:phash2(Args)]).

yields(Fun, MFA) ->
    Self = self(),
    {Pid, Mon} = spawn_monitor(fun() ->
                                       erlang:trace(self(), true, [running, {tracer, Self}]),
                                       Fun()
                               end),
    receive {'DOWN', Mon, process, Pid, normal} -> ok end,
    TD = erlang:trace_delivered(Pid),
    receive {trace_delivered, Pid, TD} -> ok end,
    count(Pid, MFA, 0).

count(Pid, MFA, N) ->
    receive
        {trace, Pid, out, MFA} ->
            receive {trace, Pid, in, MFA} -> count(Pid, MFA, N + 1) after 0 -> mismatch end;
        {trace, Pid, out, F} ->
            receive {trace, Pid, in, F} -> count(Pid, MFA, N) after 0 -> mismatch end
    after 0 -> N
    end.
