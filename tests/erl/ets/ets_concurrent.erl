%% ETS under concurrent use: processes on every scheduler update counters, insert, read,
%% scan and delete in shared public tables; the totals must come out exact.
-module(ets_concurrent).
-export([main/0]).

-define(PROCS, 8).
-define(ROUNDS, 3000).

show(Label, V) -> io:format("~s: ~p~n", [Label, V]).

main() ->
    lists:foreach(fun run/1, [[set, public, {write_concurrency, true}],
                              [ordered_set, public, {read_concurrency, true}],
                              [duplicate_bag, public]]),
    race_delete(),
    named_churn(),
    ok.

run(Opts) ->
    T = ets:new(c, Opts),
    Type = ets:info(T, type),
    [ets:insert(T, {{counter, I}, 0, 0}) || I <- lists:seq(1, 4), Type =/= duplicate_bag],
    Self = self(),
    Pids = [spawn(fun() -> worker(T, Type, N), Self ! {done, self()} end)
            || N <- lists:seq(1, ?PROCS)],
    Scanner = spawn(fun() -> scanner(T, Self) end),
    [receive {done, P} -> ok end || P <- Pids],
    Scanner ! stop,
    receive {scanned, Ok} -> show("scans consistent", Ok) end,
    Counters = case Type of
                   duplicate_bag -> skipped;
                   _ -> [ets:lookup(T, {counter, I}) || I <- lists:seq(1, 4)]
               end,
    Own = lists:sort([length(ets:match(T, {{own, N, '_'}, '_'})) || N <- lists:seq(1, ?PROCS)]),
    show(atom_to_list(Type), {Counters, Own, ets:info(T, size),
                              ets:select_count(T, [{{{own, '_', '_'}, '$1'}, [{'>', '$1', 0}], [true]}])}),
    ets:delete(T).

worker(T, Type, N) ->
    lists:foreach(
      fun(R) ->
              case Type of
                  duplicate_bag -> ok;
                  _ ->
                      C = {counter, (R rem 4) + 1},
                      ets:update_counter(T, C, [{2, 1}, {3, N}])
              end,
              ets:insert(T, {{own, N, R}, R}),
              case R rem 3 of
                  0 -> ets:delete(T, {own, N, R - 1});
                  _ -> ok
              end,
              _ = ets:lookup(T, {own, (N rem ?PROCS) + 1, R})
      end, lists:seq(1, ?ROUNDS)).

%% Whole-table reads while the workers write: every object read is well formed.
scanner(T, Parent) ->
    scanner(T, Parent, true).

scanner(T, Parent, Ok) ->
    receive
        stop -> Parent ! {scanned, Ok}
    after 0 ->
            L = ets:tab2list(T),
            Ok1 = Ok andalso lists:all(fun({{counter, _}, A, B}) -> is_integer(A) andalso is_integer(B);
                                          ({{own, _, _}, R}) -> is_integer(R)
                                       end, L),
            erlang:yield(),
            scanner(T, Parent, Ok1)
    end.

%% The owner deletes a table others are using: they get badarg, nothing else.
race_delete() ->
    Self = self(),
    T = ets:new(r, [public, set]),
    Pids = [spawn(fun() -> Self ! {self(), hammer(T, 0)} end) || _ <- lists:seq(1, 4)],
    timer:sleep(20),
    ets:delete(T),
    Results = [receive {P, R} -> R end || P <- Pids],
    show("race delete", lists:usort(Results)).

hammer(T, N) ->
    try
        ets:insert(T, {N rem 100, N}),
        _ = ets:lookup(T, (N * 7) rem 100),
        _ = ets:select(T, [{{'$1', '$2'}, [{'<', '$1', 10}], ['$2']}]),
        hammer(T, N + 1)
    catch
        error:badarg -> badarg
    end.

%% Named tables made and deleted by many processes at once.
named_churn() ->
    Self = self(),
    Pids = [spawn(fun() ->
                          Name = list_to_atom("ets_concurrent_" ++ integer_to_list(I)),
                          [begin
                               Name = ets:new(Name, [named_table]),
                               ets:insert(Name, {k, J}),
                               [{k, J}] = ets:lookup(Name, k),
                               true = ets:delete(Name)
                           end || J <- lists:seq(1, 300)],
                          Self ! {self(), ok}
                  end) || I <- lists:seq(1, 6)],
    show("named churn", [receive {P, R} -> R end || P <- Pids]).
