%% code:is_loaded/1 and code:which/1 through the code server: a module from the code path, a
%% module compiled and loaded from a file of its own, one loaded from a binary, one not loaded.
-module(code_which).
-export([main/0]).

main() ->
    [b, a] = lists:reverse([a, b]),  % loaded by now on both (erl loads it at boot)
    io:format("~p~n", [code:is_loaded(lists)]),
    io:format("~p~n", [code:which(lists)]),
    io:format("~p ~p~n", [code:is_loaded(no_such_module), code:which(no_such_module)]),
    Dir = filename:join("/tmp", "code_which_" ++ os:getpid()),
    ok = filelib:ensure_dir(filename:join(Dir, "x")),
    Src = filename:join(Dir, "cw_mod.erl"),
    ok = file:write_file(Src, <<"-module(cw_mod).\n-export([f/0]).\nf() -> loaded.\n">>),
    {ok, cw_mod} = compile:file(Src, [{outdir, Dir}]),
    {module, cw_mod} = code:load_abs(filename:join(Dir, "cw_mod")),
    {file, F} = code:is_loaded(cw_mod),
    io:format("~p ~p ~p~n", [cw_mod:f(), F =:= filename:join(Dir, "cw_mod.beam"),
                             code:which(cw_mod) =:= F]),
    {ok, cw_bin, Bin} = compile:forms([{attribute, 1, module, cw_bin},
                                       {attribute, 1, export, [{g, 0}]},
                                       {function, 1, g, 0, [{clause, 1, [], [], [{atom, 1, bin}]}]}]),
    {module, cw_bin} = code:load_binary(cw_bin, "made/in/memory.beam", Bin),
    io:format("~p ~p~n", [cw_bin:g(), code:which(cw_bin)]),
    ok = file:delete(code:which(cw_mod)),
    ok = file:delete(Src),
    ok = file:del_dir(Dir),
    ok.
