%% erlang:system_info/1: the items Erlang code commonly asks, as types and relations (their
%% values are the VM's own), the fixed ones as erl gives them, and badarg.
-module(proc_system_info).
-export([main/0]).

main() ->
    Fixed = [otp_release, version, wordsize, {wordsize, internal}, {wordsize, external},
             machine, smp_support, threads, heap_type, debug_compiled, context_reductions,
             creation, dist_ctrl, nif_version, driver_version, time_offset, time_warp_mode,
             compat_rel, fullsweep_after, min_heap_size, min_bin_vheap_size, atom_limit,
             break_ignored, trace_control_word, tolerant_timeofday, system_architecture],
    [erlang:display({I, erlang:system_info(I)}) || I <- Fixed],
    Ints = [process_count, process_limit, atom_count, schedulers, schedulers_online,
            logical_processors, thread_pool_size, ets_limit, port_limit, port_count,
            start_time, dirty_cpu_schedulers, dirty_io_schedulers, scheduler_id],
    erlang:display([I || I <- Ints, not is_integer(erlang:system_info(I))]),
    Atoms = [build_type, emu_type, emu_flavor, kernel_poll, multi_scheduling],
    erlang:display([I || I <- Atoms, not is_atom(erlang:system_info(I))]),
    "Erlang/OTP 25 [erts-13.1.5]" ++ _ = erlang:system_info(system_version),
    N = erlang:system_info(process_count),
    Ps = [spawn(fun() -> receive stop -> ok end end) || _ <- lists:seq(1, 10)],
    erlang:display(erlang:system_info(process_count) - N),
    erlang:display(erlang:system_info(process_count) =:= length(processes())),
    [P ! stop || P <- Ps],
    erlang:display(erlang:system_info(schedulers_online) =< erlang:system_info(schedulers)),
    erlang:display(erlang:system_info(atom_count) < erlang:system_info(atom_limit)),
    erlang:display(erlang:system_info(start_time) =< erlang:monotonic_time()),
    [erlang:display(catch erlang:system_info(B))
     || B <- [bogus, "version", {wordsize, bogus}, 1]],
    ok.
