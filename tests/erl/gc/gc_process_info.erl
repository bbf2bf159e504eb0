-module(gc_process_info).
-export([main/0, id/1]).

%% The heap items of process_info/2 and the heap flags of process_flag/2 and spawn_opt/4:
%% exact where erl's values are deterministic (a fresh process), properties elsewhere.
id(X) -> X.

idle() -> receive stop -> ok end.

keys(L) -> [K || {K, _} <- L].

main() ->
    P = spawn(fun idle/0),
    [{heap_size, H}, {total_heap_size, T}, {stack_size, S}, {memory, M}] =
        process_info(P, [heap_size, total_heap_size, stack_size, memory]),
    erlang:display({H, T, S, M =< 2640, M > H * 8}),
    erlang:display(process_info(P, garbage_collection)),
    {garbage_collection_info, Info} = process_info(P, garbage_collection_info),
    erlang:display(keys(Info)),
    erlang:display(lists:all(fun({_, V}) -> is_integer(V) andalso V >= 0 end, Info)),
    erlang:display(lists:keyfind(heap_block_size, 1, Info)),
    P ! stop,
    %% spawn_opt's heap options; min_heap_size is rounded up along erl's heap sizes.
    Opts = [{min_heap_size, 1000}, {fullsweep_after, 10}, {max_heap_size, 100000}],
    P2 = spawn_opt(fun idle/0, Opts),
    erlang:display(process_info(P2, [heap_size, total_heap_size, garbage_collection])),
    P2 ! stop,
    [begin
         Q = spawn_opt(fun idle/0, [{min_heap_size, N}]),
         erlang:display({N, process_info(Q, heap_size)}),
         Q ! stop
     end || N <- [0, 1, 233, 234, 5000, 100000]],
    %% process_flag/2 returns the old value.
    erlang:display(process_flag(min_heap_size, 500)),
    erlang:display(process_flag(min_heap_size, 233)),
    erlang:display(process_flag(fullsweep_after, 20)),
    erlang:display(process_flag(fullsweep_after, 65535)),
    erlang:display(process_flag(min_bin_vheap_size, 50000)),
    erlang:display(catch process_flag(min_heap_size, -1)),
    erlang:display(catch process_flag(fullsweep_after, foo)),
    erlang:display(erlang:system_info(fullsweep_after)),
    %% A process that grows: its heap grows, and process_info shows it.
    Self = self(),
    G = spawn(fun() ->
        L = lists:seq(1, 100000),
        [{heap_size, H1}, {total_heap_size, T1}, {garbage_collection, GC}] =
            process_info(self(), [heap_size, total_heap_size, garbage_collection]),
        {minor_gcs, Minors} = lists:keyfind(minor_gcs, 1, GC),
        Self ! {grown, H1 > 100000 orelse T1 > 200000, T1 >= H1, is_integer(Minors), length(L)}
    end),
    receive {grown, _, _, _, _} = Msg -> erlang:display(Msg) end,
    _ = G,
    [{memory, M2}] = process_info(self(), [memory]),
    erlang:display(is_integer(M2)),
    ok.
