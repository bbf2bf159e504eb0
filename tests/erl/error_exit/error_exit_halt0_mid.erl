-module(error_exit_halt0_mid).
-export([main/0, id/1]).

%% erlang:halt(0) from inside nested calls and a try/after: status 0,
%% the after block does NOT run (halt is not an exception).
id(X) -> X.

deep(0) -> erlang:halt(?MODULE:id(0));
deep(N) -> [N | deep(N - 1)].

main() ->
    erlang:display(start),
    try deep(?MODULE:id(10))
    after erlang:display(after_must_not_print)
    end,
    erlang:display(end_must_not_print).
