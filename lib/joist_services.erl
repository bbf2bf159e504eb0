%% joist's stand-ins for four of OTP's servers, until joist boots OTP's own kernel:
%% `code_server`, `erl_prim_loader`, `application_controller` and `file_server_2`,
%% registered under those names so that OTP's `code`, `erl_prim_loader`, `application` and
%% `file` modules reach them. Each answers the part of its protocol that
%% joist can honour and an error for the rest, so that a caller fails at once instead of
%% waiting forever for a server that is not there.
%% Built by CMake with erlc; never committed as a .beam.
-module(joist_services).
-export([code_server/0, prim_loader/0, application_controller/0, file_server/0]).

%% The VM starts the four servers, registered under their names, before any process runs
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
%% Loading from a binary or a file: erlang:load_module/2 (one module is loaded only once).
%% The file each one came from is remembered (code:is_loaded/1, code:which/1).
code_request({load_binary, Module, File, Binary}) when is_atom(Module), is_binary(Binary) ->
    loaded_from(Module, File, erlang:load_module(Module, Binary));
code_request({load_abs, File, Module}) when is_atom(Module) ->
    case erl_prim_loader_read(File) of
        {ok, Binary} ->
            loaded_from(Module, filename:absname(filename_with_beam(File)),
                        erlang:load_module(Module, Binary));
        error -> {error, nofile}
    end;
%% {file, File}, as erl: the file it was loaded from, else the first one on the code path
%% (where joist loads a module on demand), `preloaded` for erts's own modules.
code_request({is_loaded, Module}) when is_atom(Module) ->
    case erlang:module_loaded(Module) of
        false -> false;
        true ->
            case get({loaded_from, Module}) of
                undefined -> {file, path_file(Module, joist:code_path())};
                File -> {file, File}
            end
    end;
%% Deleting makes the code old; purging forgets old code (joist keeps its memory).
code_request({delete, Module}) when is_atom(Module) ->
    erlang:delete_module(Module) =:= true;
code_request({purge, Module}) when is_atom(Module) ->
    erts_internal:purge_module(Module, complete);
code_request({soft_purge, Module}) when is_atom(Module) ->
    erts_internal:purge_module(Module, complete),
    true;
code_request({load_file, Module}) when is_atom(Module) ->
    case erlang:module_loaded(Module) of
        true -> {module, Module};
        false -> joist:ensure_loaded(Module)
    end;

%% code:ensure_modules_loaded/1 finishes loading what it prepared: with nothing prepared
%% (every module was already loaded) there is nothing to do. Preparing code needs
%% erlang:prepare_loading/2, which joist does not have yet.
code_request({finish_loading, [], _EnsureLoaded}) ->
    ok;
code_request(Request) ->
    {error, {not_supported_by_joist, Request}}.

loaded_from(Module, File, {module, Module} = Loaded) ->
    put({loaded_from, Module}, File),
    Loaded;
loaded_from(_Module, _File, Error) ->
    Error.

path_file(_Module, []) ->
    preloaded;
path_file(Module, [Dir | Dirs]) ->
    File = filename:join(Dir, atom_to_list(Module) ++ ".beam"),
    case prim_file:read_file_info(File) of
        {ok, _} ->
            case lists:suffix("/ebin", Dir) andalso
                 lists:prefix("erts-", filename:basename(filename:dirname(Dir))) of
                true -> preloaded;
                false -> File
            end;
        _ -> path_file(Module, Dirs)
    end.

erl_prim_loader_read(File) ->
    case prim_file:read_file(filename_with_beam(File)) of
        {ok, Binary} -> {ok, Binary};
        {error, _} -> error
    end.

filename_with_beam(File) when is_atom(File) -> filename_with_beam(atom_to_list(File));
filename_with_beam(File) ->
    case lists:suffix(".beam", File) of
        true -> File;
        false -> File ++ ".beam"
    end.

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

%% --- file_server_2: gen_server calls from OTP's `file` module ---
%% OTP's own kernel file_server keeps its file_io_server children in an ETS table, which joist
%% does not have yet; this answers the same requests the same way: files opened through it get
%% an OTP file_io_server process, everything else is done by prim_file.

file_server() ->
    process_flag(trap_exit, true),
    file_loop().

file_loop() ->
    receive
        {'$gen_call', {Pid, _Tag} = From, Request} ->
            gen:reply(From, file_request(Request, Pid)),
            file_loop();
        _Other ->  %% 'EXIT' from a file_io_server child, among others
            file_loop()
    end.

file_request({open, Name, Modes}, Owner) when is_list(Modes) ->
    file_io_server:start_link(Owner, Name, Modes);
file_request({open, _Name, _Modes}, _Owner) ->
    {error, einval};
file_request({copy, Source, SourceOpts, Dest, DestOpts, Length}, _Owner) ->
    copy(Source, SourceOpts, Dest, DestOpts, Length);
file_request(get_cwd, _Owner) ->
    prim_file:get_cwd();
file_request({get_cwd}, _Owner) ->
    prim_file:get_cwd();
file_request(Request, _Owner) when is_tuple(Request), tuple_size(Request) >= 2 ->
    [Op | Args] = tuple_to_list(Request),
    case lists:member({Op, length(Args)}, prim_file_requests()) of
        true -> apply(prim_file, Op, Args);
        false -> {error, {not_supported_by_joist, Request}}
    end;
file_request(Request, _Owner) ->
    {error, {not_supported_by_joist, Request}}.

%% The requests that are one prim_file call of the same name and arguments.
prim_file_requests() ->
    [{read_file, 1}, {write_file, 2}, {set_cwd, 1}, {delete, 1}, {rename, 2}, {make_dir, 1},
     {del_dir, 1}, {list_dir, 1}, {list_dir_all, 1}, {get_cwd, 1}, {read_file_info, 1},
     {read_file_info, 2}, {altname, 1}, {write_file_info, 2}, {write_file_info, 3},
     {read_link_info, 1}, {read_link_info, 2}, {read_link, 1}, {read_link_all, 1},
     {make_link, 2}, {make_symlink, 2}].

copy(Source, SourceOpts, Dest, DestOpts, Length) ->
    case prim_file:open(Source, [read, binary | SourceOpts]) of
        {ok, S} ->
            Reply = case prim_file:open(Dest, [write, binary | DestOpts]) of
                        {ok, D} ->
                            R = prim_file:copy(S, D, Length),
                            prim_file:close(D),
                            R;
                        {error, _} = E ->
                            E
                    end,
            prim_file:close(S),
            Reply;
        {error, _} = E ->
            E
    end.
