-module(gc_max_heap).
-export([main/0, id/1]).

%% max_heap_size: a process whose heap grows past it is killed (reason killed, seen by a
%% monitor and a link) when kill is true, and runs on when kill is false. Set by spawn_opt
%% (a size or a map) or by process_flag; bad values are badarg. error_logger => false
%% everywhere: erl's report goes to standard output with a timestamp.
id(X) -> X.

grow(0, Acc) -> Acc;
grow(N, Acc) -> grow(N - 1, [N | Acc]).

down(Opts, Body) ->
    {Pid, Ref} = spawn_opt(Body, [monitor | Opts]),
    receive {'DOWN', Ref, process, Pid, Why} -> Why end.

quiet(Size, Kill) -> #{size => Size, kill => Kill, error_logger => false}.

err(F) ->
    try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    Grow = fun() -> L = grow(?MODULE:id(200000), []), exit({survived, length(L)}) end,
    Small = fun() -> L = grow(?MODULE:id(100), []), exit({survived, length(L)}) end,
    erlang:display(down([{max_heap_size, quiet(5000, true)}], Grow)),
    erlang:display(down([{max_heap_size, quiet(5000, false)}], Grow)),
    erlang:display(down([{max_heap_size, quiet(5000, true)}], Small)),
    erlang:display(down([{max_heap_size, quiet(0, true)}], Grow)),
    %% Set from inside the process.
    erlang:display(down([], fun() ->
        Old = process_flag(max_heap_size, quiet(3000, true)),
        erlang:display({old, Old}),
        Grow()
    end)),
    %% A linked process trapping exits sees the same reason.
    process_flag(trap_exit, true),
    Pid = spawn_opt(Grow, [link, {max_heap_size, quiet(4000, true)}]),
    receive {'EXIT', Pid, R} -> erlang:display({linked, R}) end,
    process_flag(trap_exit, false),
    %% Bad values.
    Noop = fun() -> ok end,
    erlang:display(err(fun() -> spawn_opt(Noop, [{max_heap_size, 10}]) end) =:= {error, badarg}),
    erlang:display(err(fun() -> spawn_opt(Noop, [{max_heap_size, #{}}]) end) =:= {error, badarg}),
    erlang:display(err(fun() -> spawn_opt(Noop, [{max_heap_size, #{size => 1000, kill => 1}}]) end) =:= {error, badarg}),
    erlang:display(err(fun() -> spawn_opt(Noop, [{min_heap_size, 5000}, {max_heap_size, 1000}]) end) =:= {error, badarg}),
    erlang:display(err(fun() -> process_flag(max_heap_size, 100) end)),
    erlang:display(err(fun() -> process_flag(max_heap_size, -1) end)),
    erlang:display(err(fun() -> process_flag(max_heap_size, #{size => 233, error_logger => 0}) end)),
    erlang:display(process_flag(max_heap_size, #{size => 1000000, kill => false})),
    erlang:display(process_flag(max_heap_size, 0)),
    {garbage_collection, GC} = process_info(self(), garbage_collection),
    erlang:display(lists:keyfind(max_heap_size, 1, GC)),
    ok.
