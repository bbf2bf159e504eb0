%% Calls to undefined functions go through the process's error handler, as in erl:
%% error_handler:undefined_function/3 by default (undef with erl's stack trace when the
%% module cannot be loaded or lacks the function; '$handle_undefined_function'/2 when the
%% module has it), or a module set with process_flag(error_handler, Mod).
-module(proc_undef).
-export([main/0, id/1, undefined_function/3, '$handle_undefined_function'/2]).

id(X) -> X.

main() ->
    erlang:display(catch (id(no_such_module_xyz)):f(1, 2)),
    erlang:display(catch (id(lists)):no_such_function(1)),
    erlang:display(catch apply(id(no_such_module_xyz), g, [])),
    erlang:display(catch erlang:apply(lists, id(nope), [a, b])),
    erlang:display(catch (fun no_such_module_xyz:h/0)()),
    %% Deep in the stack: erl's 8 frames.
    erlang:display(catch deep(12)),
    %% This module has '$handle_undefined_function'/2: it answers.
    erlang:display(catch (id(proc_undef)):missing(1, 2)),
    erlang:display(catch apply(proc_undef, missing, [])),
    %% A handler of our own, then back to the default.
    Old = process_flag(error_handler, proc_undef),
    erlang:display(Old),
    erlang:display(catch (id(no_such_module_xyz)):f(3)),
    erlang:display(catch (id(lists)):nope()),
    erlang:display(process_flag(error_handler, Old)),
    erlang:display(catch (id(no_such_module_xyz)):f(4)),
    %% In another process, with its stack trace.
    Self = self(),
    {P, R} = spawn_monitor(fun() -> Self ! {res, catch (id(no_such_module_xyz)):f(6)} end),
    receive {res, Res} -> erlang:display(Res) end,
    receive {'DOWN', R, process, P, Why} -> erlang:display(Why) end,
    erlang:display(catch process_flag(error_handler, "str")),
    ok.

deep(0) -> (id(no_such_module_xyz)):f(0);
deep(N) -> [deep(N - 1)].

%% Used as an error handler: undefined_function/3 gets every undefined call.
undefined_function(M, F, Args) -> {handled, M, F, Args}.

'$handle_undefined_function'(F, Args) -> {fallback, F, Args}.
