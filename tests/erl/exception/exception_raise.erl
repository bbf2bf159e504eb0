-module(exception_raise).
-export([main/0, id/1]).

%% erlang:raise/3 with each class, custom stacktraces, and invalid
%% arguments (raise returns badarg for a bad class or bad stacktrace).
id(X) -> X.

main() ->
    St = [{mod, func, 2, [{file, "mod.erl"}, {line, 42}]}, {mod2, g, [arg1], []}],
    erlang:display(try erlang:raise(throw, ?MODULE:id(t1), St) catch C:R:S -> {C, R, S} end),
    erlang:display(try erlang:raise(error, ?MODULE:id(e1), St) catch C2:R2:S2 -> {C2, R2, S2} end),
    erlang:display(try erlang:raise(exit, ?MODULE:id(x1), []) catch C3:R3:S3 -> {C3, R3, S3} end),
    erlang:display(catch erlang:raise(error, ?MODULE:id(e2), St)),
    erlang:display(catch erlang:raise(exit, ?MODULE:id(x2), St)),
    erlang:display(catch erlang:raise(throw, ?MODULE:id(t2), St)),
    erlang:display({bad_class, catch erlang:raise(?MODULE:id(badclass), r, [])}),
    erlang:display({bad_class2, try erlang:raise(?MODULE:id(badclass), r, []) catch C4:R4 -> {C4, R4} end}),
    erlang:display({bad_st, try erlang:raise(error, r, ?MODULE:id(notalist)) catch C5:R5 -> {C5, R5} end}),
    erlang:display({bad_st2, try erlang:raise(error, r, ?MODULE:id([junk])) catch C6:R6 -> {C6, R6} end}),
    ok.
