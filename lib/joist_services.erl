%% joist's stand-ins for three of OTP's servers, until joist boots OTP's own kernel:
%% `code_server`, `erl_prim_loader` and `application_controller`, registered under those
%% names so that OTP's `code`, `erl_prim_loader` and `application` modules reach them. Each answers the part of its protocol that
%% joist can honour and an error for the rest, so that a caller fails at once instead of
%% waiting forever for a server that is not there.
%% Built by CMake with erlc; never committed as a .beam.
-module(joist_services).
-export([code_server/0, prim_loader/0, application_controller/0]).

%% The VM starts the three servers, registered under their names, before any process runs
%% (src/cli/main.cpp), as erl's kernel has them up before the -s calls.

%% --- code_server: requests {code_call, From, Request}, replies {code_server, Reply} ---

code_server() ->
    code_loop().

code_loop() ->
    receive
        {code_call, From, Request} ->
            From ! {code_server, code_request(Request)};
        _Other ->
            ok
    end,
    code_loop().

%% joist loads modules from its code path on demand; ensure_loaded loads one now.
code_request({ensure_loaded, Module}) when is_atom(Module) ->
    joist:ensure_loaded(Module);
code_request(get_path) ->
    joist:code_path();
code_request(get_mode) ->
    interactive;
%% code:ensure_modules_loaded/1 finishes loading what it prepared: with nothing prepared
%% (every module was already loaded) there is nothing to do. Preparing code needs
%% erlang:prepare_loading/2, which joist does not have yet.
code_request({finish_loading, [], _EnsureLoaded}) ->
    ok;
code_request(Request) ->
    {error, {not_supported_by_joist, Request}}.

%% --- erl_prim_loader: requests {From, Request}, replies {Loader, Reply} ---

prim_loader() ->
    receive
        {From, Request} when is_pid(From) ->
            From ! {self(), prim_loader_request(Request)};
        _Other ->
            ok
    end,
    prim_loader().

%% code:ensure_modules_loaded/1 asks for the modules' object code, to prepare it with the
%% given fun and load it all at once. joist loads each module itself instead, so nothing is
%% left to prepare: the reply lists no prepared code, and the modules that did not load.
prim_loader_request({get_modules, {Modules, _PrepareFun, _Path}}) ->
    {ok, {[], [{M, Why} || M <- Modules, {error, Why} <- [joist:ensure_loaded(M)]]}};
prim_loader_request(Request) ->
    {error, {not_supported_by_joist, Request}}.

%% --- application_controller: gen_server calls; joist runs no applications yet ---

application_controller() ->
    app_loop().

app_loop() ->
    receive
        {'$gen_call', From, Request} ->
            gen:reply(From, app_request(Request));
        _Other ->
            ok
    end,
    app_loop().

%% Nothing is loaded or running, and nothing can be loaded or started: the error names the
%% application and says why.
app_request({load_application, App}) ->
    {error, {no_application_controller_in_joist, App}};
app_request({start_application, App, _RestartType}) ->
    {error, {no_application_controller_in_joist, App}};
app_request({is_running, _App}) ->
    false;
app_request(which_applications) ->
    [];
app_request({unload_application, App}) ->
    {error, {not_loaded, App}};
app_request({stop_application, App}) ->
    {error, {not_started, App}};
app_request(Request) ->
    {error, {not_supported_by_joist, Request}}.
