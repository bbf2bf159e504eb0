%% Stress: 100,000 processes in 100 waves of 1,000. In each wave the workers link to random
%% peers and are monitored; 1,000 messages hop between random workers and come back
%% exactly once each; then the workers die in a random order, by stop messages (normal or
%% {shutdown, N}), exit(P, kill), or (every tenth wave, without trap_exit) a cascade through
%% their links from one crash. Checks: every message delivered once, every 'DOWN' with the
%% expected reason, and no process left over (processes() back to its starting count).
%% Random choices come from a fixed seed, so the results are the same on every VM.
-module(proc_stress).
-export([main/0]).

-define(WAVES, 100).
-define(SIZE, 1000).
-define(MESSAGES, 1000).
-define(HOPS, 3).

main() ->
    rand:seed(exsss, {17, 4, 1984}),
    Start = length(processes()),
    Totals = waves(?WAVES, #{}),
    erlang:display(lists:sort(maps:to_list(Totals))),
    erlang:display(settle(Start, 1000)).

waves(0, Totals) -> Totals;
waves(W, Totals) ->
    Cascade = W rem 10 =:= 0,
    Tally = wave(Cascade),
    waves(W - 1, maps:fold(fun(K, V, T) -> maps:update_with(K, fun(X) -> X + V end, V, T) end,
                           Totals, Tally)).

wave(Cascade) ->
    Self = self(),
    Trap = not Cascade,
    Workers = [spawn_monitor(fun() -> worker(Self, Trap) end) || _ <- lists:seq(1, ?SIZE)],
    Pids = list_to_tuple([P || {P, _} <- Workers]),
    %% Links: a chain (so a cascade reaches everyone) plus random extra ones.
    [element(I, Pids) ! {peers, Pids, links(I)} || I <- lists:seq(1, ?SIZE)],
    [receive {linked, P} -> ok end || {P, _} <- Workers],
    %% Messages: each hops ?HOPS times between random workers, then comes back.
    [element(rand:uniform(?SIZE), Pids) ! {msg, Seq, route()} || Seq <- lists:seq(1, ?MESSAGES)],
    Got = lists:sort([receive {delivered, Seq} -> Seq end || _ <- lists:seq(1, ?MESSAGES)]),
    Lost = ?MESSAGES - length(lists:usort(Got)),
    Dups = length(Got) - length(lists:usort(Got)),
    Extra = receive {delivered, _} -> 1 after 0 -> 0 end,
    Expected = deaths(Cascade, Pids),
    Downs = [receive {'DOWN', R, process, P, Why} -> {P, Why} end || {P, R} <- Workers],
    Wrong = length([P || {P, Why} <- Downs, maps:get(P, Expected) =/= Why]),
    Tally = lists:foldl(fun({_, Why}, T) -> maps:update_with(kind(Why), fun(X) -> X + 1 end, 1, T)
                        end, #{}, Downs),
    Tally#{lost => Lost, duplicated => Dups + Extra, wrong_reason => Wrong}.

links(I) ->
    Chain = [I + 1 || I < ?SIZE],
    Chain ++ [rand:uniform(?SIZE) || _ <- lists:seq(1, 2)].

route() -> [rand:uniform(?SIZE) || _ <- lists:seq(1, ?HOPS)].

%% Ends the wave's workers in a random order; returns each one's expected exit reason.
deaths(false, Pids) ->
    Order = shuffle(tuple_to_list(Pids)),
    maps:from_list([{P, stop(P, rand:uniform(3))} || P <- Order]);
deaths(true, Pids) ->
    Victim = element(rand:uniform(?SIZE), Pids),
    Victim ! crash,
    maps:from_list([{P, boom} || P <- tuple_to_list(Pids)]).

stop(P, 1) -> P ! {stop, normal}, normal;
stop(P, 2) -> N = rand:uniform(5), P ! {stop, {shutdown, N}}, {shutdown, N};
stop(P, 3) -> exit(P, kill), killed.

kind(normal) -> normal;
kind({shutdown, _}) -> shutdown;
kind(killed) -> killed;
kind(boom) -> cascade.

shuffle(L) -> [X || {_, X} <- lists:sort([{rand:uniform(), X} || X <- L])].

worker(Parent, Trap) ->
    process_flag(trap_exit, Trap),
    receive {peers, Pids, Links} ->
        [link(element(L, Pids)) || L <- Links],
        Parent ! {linked, self()},
        loop(Parent, Pids)
    end.

loop(Parent, Pids) ->
    receive
        {msg, Seq, [Next | Route]} -> element(Next, Pids) ! {msg, Seq, Route}, loop(Parent, Pids);
        {msg, Seq, []} -> Parent ! {delivered, Seq}, loop(Parent, Pids);
        {stop, Why} -> exit(Why);
        crash -> exit(boom);
        {'EXIT', _, _} -> loop(Parent, Pids)
    end.

%% Waits (up to Tries ms) for the process count to come back to Start.
settle(Start, 0) -> {leaked, length(processes()) - Start};
settle(Start, Tries) ->
    case length(processes()) of
        Start -> no_leak;
        _ -> receive after 1 -> settle(Start, Tries - 1) end
    end.
