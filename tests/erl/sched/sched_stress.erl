%% Processes on several schedulers exchange numbered messages while others link, monitor and
%% kill each other. Checks: every message arrives exactly once and in order per sender, exactly
%% one 'DOWN' per monitor, every linked trapper gets one 'EXIT', and no process is left over.
-module(sched_stress).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Before = length(processes()),
    rand:seed(exsss, {1, 2, 3}),
    erlang:display(pairs(200, 500)),
    erlang:display(fan_in(50, 2000)),
    erlang:display(kill_storm(2000)),
    erlang:display(link_chains(100, 20)),
    erlang:display(cpu_and_messages(8)),
    wait_until_gone(Before, 200),
    erlang:display({leftover, length(processes()) - Before}).

%% N pairs of processes; each sends M numbered messages to its partner, which checks order.
pairs(N, M) ->
    Self = self(),
    Ps = [spawn(fun() -> pair_receiver(Self, M) end) || _ <- lists:seq(1, N)],
    [spawn(fun() -> [P ! {seq, I} || I <- lists:seq(1, M)] end) || P <- Ps],
    Results = [receive {pair_done, R} -> R end || _ <- Ps],
    {pairs, lists:usort(Results)}.

pair_receiver(Parent, M) -> pair_receiver(Parent, M, 1).
pair_receiver(Parent, M, I) when I > M -> Parent ! {pair_done, ok};
pair_receiver(Parent, M, I) ->
    receive
        {seq, I} -> pair_receiver(Parent, M, I + 1);
        {seq, J} -> Parent ! {pair_done, {out_of_order, I, J}}
    end.

%% N senders to one receiver, M messages each; per-sender order and the total are checked.
fan_in(N, M) ->
    Self = self(),
    R = spawn(fun() -> fan_receiver(Self, maps:new(), N * M) end),
    [spawn(fun() -> [R ! {from, K, I} || I <- lists:seq(1, M)] end) || K <- lists:seq(1, N)],
    receive {fan_done, Res} -> {fan_in, Res} end.

fan_receiver(Parent, Seen, 0) ->
    Parent ! {fan_done, lists:usort(maps:values(Seen))};
fan_receiver(Parent, Seen, Left) ->
    receive
        {from, K, I} ->
            case maps:get(K, Seen, 0) of
                Prev when Prev =:= I - 1 -> fan_receiver(Parent, Seen#{K => I}, Left - 1);
                Prev -> Parent ! {fan_done, {out_of_order, K, Prev, I}}
            end
    end.

%% N processes, each monitored; a random half are killed, the rest exit normally. Exactly one
%% 'DOWN' per monitor with the right reason.
kill_storm(N) ->
    Ps = [spawn(fun() -> receive go -> ok end end) || _ <- lists:seq(1, N)],
    Ms = [{erlang:monitor(process, P), P} || P <- Ps],
    Killed = [P || P <- Ps, rand:uniform(2) =:= 1],
    [exit(P, kill) || P <- Killed],
    [P ! go || P <- Ps],
    Downs = [receive {'DOWN', Ref, process, P, Why} -> Why end || {Ref, P} <- Ms],
    Extra = receive {'DOWN', _, _, _, _} -> extra after 50 -> none end,
    {kill_storm, length([x || killed <- Downs]) =:= length(Killed),
     length([x || normal <- Downs]) =:= N - length(Killed), Extra}.

%% C chains of L linked processes; killing the head of a chain takes the whole chain down; a
%% trapping watcher linked to each tail gets exactly one 'EXIT'.
link_chains(C, L) ->
    process_flag(trap_exit, true),
    Self = self(),
    Heads = [spawn(fun() -> chain(L, Self) end) || _ <- lists:seq(1, C)],
    Tails = [receive {tail, T} -> T end || _ <- Heads],
    [exit(H, boom) || H <- Heads],
    Exits = [receive {'EXIT', T, Why} -> Why end || T <- Tails],
    Extra = receive {'EXIT', _, _} -> extra after 50 -> none end,
    process_flag(trap_exit, false),
    {link_chains, lists:usort(Exits), Extra}.

chain(1, Parent) ->
    link(Parent),
    Parent ! {tail, self()},
    receive after infinity -> ok end;
chain(L, Parent) ->
    spawn_link(fun() -> chain(L - 1, Parent) end),
    receive after infinity -> ok end.

%% CPU-bound workers (they spread over the schedulers) that also send to one collector.
cpu_and_messages(W) ->
    Self = self(),
    [spawn(fun() -> Self ! {work, fib(20 + (K rem 3))} end) || K <- lists:seq(1, W)],
    lists:sum([receive {work, F} -> F end || _ <- lists:seq(1, W)]).

fib(N) when N < 2 -> N;
fib(N) -> fib(N - 1) + fib(N - 2).

wait_until_gone(_, 0) -> ok;
wait_until_gone(Before, K) ->
    case length(processes()) > Before of
        true -> receive after 10 -> wait_until_gone(Before, K - 1) end;
        false -> ok
    end.
