-module(exception_backtrace_depth).
-export([main/0, id/1, deep/1]).

%% system_flag(backtrace_depth, N): how many frames a stack trace keeps (at least one), both
%% for raised errors and for traces given to erlang:raise/3; bad values are badarg.
id(X) -> X.

deep(0) -> error(reason);
deep(N) -> [?MODULE:deep(N - 1)].

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

depths() ->
    {'EXIT', {reason, Stk}} = (catch deep(?MODULE:id(20))),
    Given = [{m, f, 0, []} || _ <- lists:seq(1, 30)],
    Raised = try erlang:raise(error, r, Given) catch error:r:S -> S end,
    {length(Stk), length(Raised)}.

main() ->
    Old = erlang:system_flag(backtrace_depth, 8),
    erlang:display({old, Old, depths()}),
    erlang:display([{D, erlang:system_flag(backtrace_depth, D), depths()} || D <- [0, 1, 3, 12, 40]]),
    erlang:display({erlang:system_flag(backtrace_depth, 1000), erlang:system_flag(backtrace_depth, 8)}),
    erlang:display([t(fun() -> erlang:system_flag(backtrace_depth, ?MODULE:id(V)) end) || V <- [-1, a, 1.0]]),
    ok.
