%% Binding a process to a scheduler: spawn_opt's {scheduler, N} and process_flag(scheduler, N).
%% A bound process runs only on its scheduler, busy neighbours notwithstanding (they would
%% otherwise steal or balance it away). The checks hold for any scheduler count.
-module(sched_bind).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    S = erlang:system_info(schedulers),
    Busy = [spawn(fun spin/0) || _ <- lists:seq(1, 2 * S)],
    erlang:display({spawn_bound, [stays_on(N) || N <- lists:usort([1, S])]}),
    erlang:display({unbound_spawn, is_pid(spawn_opt(fun() -> ok end, [{scheduler, 0}]))}),
    [erlang:display({bad, V, bad_spawn(V)}) || V <- [S + 1, -1, a, 1.0, {1}]],
    %% process_flag(scheduler, N): returns the previous binding (0: none) and moves there.
    Self = self(),
    P = spawn(fun() ->
                      A = process_flag(scheduler, S),
                      B = erlang:system_info(scheduler_id),
                      C = process_flag(scheduler, 1),
                      D = erlang:system_info(scheduler_id),
                      E = process_flag(scheduler, 0),
                      F = (catch process_flag(scheduler, S + 1)),
                      G = (catch process_flag(scheduler, x)),
                      Self ! {flag, self(), {A, B =:= S, C =:= S, D, E, error_of(F), error_of(G)}}
              end),
    receive {flag, P, R} -> erlang:display({process_flag, R}) end,
    [exit(B, kill) || B <- Busy],
    ok.

%% A process bound to scheduler N reports N through yields, receives and sleeps.
stays_on(N) ->
    Self = self(),
    P = spawn_opt(fun() -> Self ! {ids, self(), ids(200, [])} end, [{scheduler, N}]),
    receive
        {ids, P, Ids} -> {N, lists:usort(Ids) =:= [N]}
    end.

ids(0, Acc) -> Acc;
ids(K, Acc) ->
    Id = erlang:system_info(scheduler_id),
    case K rem 3 of
        0 -> erlang:yield();
        1 -> self() ! ping, receive ping -> ok end;
        2 -> burn(2000)
    end,
    case K rem 50 of
        0 -> timer:sleep(1);
        _ -> ok
    end,
    ids(K - 1, [Id | Acc]).

burn(0) -> ok;
burn(K) -> burn(K - 1).

spin() ->
    burn(100000),
    spin().

bad_spawn(V) ->
    try spawn_opt(fun() -> ok end, [{scheduler, id(V)}]) of
        _ -> no_error
    catch
        error:badarg:St -> {badarg, cause(St)}
    end.

cause([{_, _, _, Info} | _]) ->
    case lists:keyfind(error_info, 1, Info) of
        {error_info, M} -> maps:get(cause, M, none);
        false -> none
    end.

error_of({'EXIT', {R, _}}) -> R;
error_of(X) -> X.
