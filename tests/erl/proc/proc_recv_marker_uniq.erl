%% erts_debug's process_uniq_counter: the process-unique counter that names receive markers.
%% Set just below where the names stop being small integers (erl's receive_SUITE
%% recv_marker_reserve), ref receives keep working across the change; the internal-state items
%% are undef until available_internal_state is on, and badarg for bad values.
-module(proc_recv_marker_uniq).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    erlang:display(error_of(catch erts_debug:set_internal_state(process_uniq_counter, 1))),
    false = erts_debug:set_internal_state(available_internal_state, true),
    {MinSmall, MaxSmall} = small_limits(0),
    Dummy = make_ref(),
    self() ! Dummy,
    erlang:display(erts_debug:set_internal_state(process_uniq_counter,
                                                 -MinSmall + MaxSmall - 100)),
    erlang:display({retries, retry(400, 0)}),
    erlang:display([error_of(catch erts_debug:set_internal_state(process_uniq_counter, V))
                    || V <- [1 bsl 63, a, 1.0]]),
    erlang:display(erts_debug:set_internal_state(process_uniq_counter, -(1 bsl 63))),
    erlang:display({retries, retry(10, 0)}),
    erlang:display(erts_debug:set_internal_state(sleep, 1)),
    erlang:display(error_of(catch erts_debug:set_internal_state(sleep, x))),
    true = erts_debug:set_internal_state(available_internal_state, false),
    erlang:display(receive Dummy -> dummy_left after 0 -> dummy_lost end).

retry(0, Acc) -> Acc;
retry(N, Acc) ->
    Ref = monitor(process, self(), [{alias, demonitor}]),
    self() ! Ref,
    R = receive Ref -> erlang:demonitor(Ref, [flush]) end,
    Ref2 = make_ref(),
    self() ! {Ref2, N},
    receive {Ref2, N} -> ok end,
    retry(N - 1, Acc + case R of true -> 1; _ -> 0 end).

small_limits(N) ->
    case erts_debug:flat_size(-1 bsl N) of
        0 -> small_limits(N + 1);
        _ -> {-1 bsl (N - 1), (1 bsl (N - 1)) - 1}
    end.

error_of({'EXIT', {R, _}}) -> R;
error_of(X) -> X.
