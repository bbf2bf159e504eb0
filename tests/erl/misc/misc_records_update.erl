-module(misc_records_update).
-export([main/0, id/1]).

%% A small "bank account" state machine using records and tagged tuples.
id(X) -> X.

-record(acct, {id, balance = 0, history = []}).

apply_op({deposit, N}, A = #acct{balance = B, history = H}) when N > 0 ->
    {ok, A#acct{balance = B + N, history = [{dep, N} | H]}};
apply_op({withdraw, N}, A = #acct{balance = B, history = H}) when N > 0, N =< B ->
    {ok, A#acct{balance = B - N, history = [{wd, N} | H]}};
apply_op({withdraw, N}, #acct{balance = B}) when N > B ->
    {error, {insufficient, B}};
apply_op(Op, _) ->
    {error, {bad_op, Op}}.

run([], A, Log) -> {A, lists:reverse(Log)};
run([Op | Ops], A, Log) ->
    case apply_op(Op, A) of
        {ok, A2} -> run(Ops, A2, [ok | Log]);
        {error, E} -> run(Ops, A, [E | Log])
    end.

main() ->
    Ops = ?MODULE:id([{deposit, 100}, {withdraw, 30}, {withdraw, 100}, {deposit, -5}, bogus, {deposit, 1 bsl 65}]),
    {Final, Log} = run(Ops, #acct{id = 7}, []),
    erlang:display(Final),
    erlang:display(Log),
    erlang:display({Final#acct.balance, length(Final#acct.history)}),
    ok.
