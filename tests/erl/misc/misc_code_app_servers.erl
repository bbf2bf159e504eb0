%% OTP's code and application modules as programs call them without a full OTP boot:
%% code:ensure_loaded/1 loads from the code path, code:ensure_modules_loaded/1 loads what is
%% missing, and application calls get answers (here: applications that do not exist).
-module(misc_code_app_servers).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    erlang:display(code:ensure_loaded(?MODULE:id(gb_sets))),
    erlang:display(erlang:module_loaded(gb_sets)),
    erlang:display(code:ensure_loaded(?MODULE:id(no_such_module_here))),
    erlang:display(code:ensure_modules_loaded(?MODULE:id([queue, ordsets, lists]))),
    erlang:display([erlang:module_loaded(M) || M <- [queue, ordsets]]),
    erlang:display(code:ensure_modules_loaded(?MODULE:id([sets, no_such_module_here]))),
    erlang:display(erlang:module_loaded(sets)),
    erlang:display(catch code:ensure_modules_loaded(?MODULE:id(not_a_list))),
    erlang:display(element(1, application:load(?MODULE:id(no_such_application)))),
    erlang:display(element(1, application:start(?MODULE:id(no_such_application)))),
    erlang:display(application_controller:is_running(?MODULE:id(no_such_application))),
    erlang:display(application:stop(?MODULE:id(no_such_application))),
    erlang:display(application:unload(?MODULE:id(no_such_application))),
    %% io_lib:format/2 checks its modules are loaded when a format fails.
    erlang:display(catch_reason(fun() -> io_lib:format(?MODULE:id("~q"), [1]) end)),
    ok.

catch_reason(F) ->
    try F() catch error:R -> {error, R} end.
