-module(file_compile).
-export([main/0]).

%% OTP's compiler on the VM: compile:file/2 of a module written by the test, to disk and to a
%% binary, compile:forms/2, loading the results and running them, and a compile error.
main() ->
    ok = file:make_dir("fc_dir"),
    Src = filename:join("fc_dir", "fc_small.erl"),
    ok = file:write_file(Src, <<"-module(fc_small).\n-export([go/1]).\n"
                                "go(X) -> {X * 2, lists:reverse([X, X + 1])}.\n">>),
    p(compile:file(Src, [{outdir, "fc_dir"}, report_errors])),
    p(filelib:is_regular(filename:join("fc_dir", "fc_small.beam"))),
    {ok, fc_small, Bin} = compile:file(Src, [binary]),
    p(code:load_binary(fc_small, "fc_small.beam", Bin)),
    p(fc_small:go(21)),
    Forms = [{attribute, 1, module, fc_forms}, {attribute, 2, export, [{sq, 1}]},
             {function, 3, sq, 1,
              [{clause, 3, [{var, 3, 'X'}], [], [{op, 3, '*', {var, 3, 'X'}, {var, 3, 'X'}}]}]}],
    {ok, fc_forms, Bin2} = compile:forms(Forms, [binary]),
    p(code:load_binary(fc_forms, "fc_forms.beam", Bin2)),
    p(fc_forms:sq(12)),
    Bad = filename:join("fc_dir", "fc_bad.erl"),
    ok = file:write_file(Bad, <<"-module(fc_bad).\nf( -> ok.\n">>),
    p(compile:file(Bad, [return_errors, binary])),
    [ok = file:delete(filename:join("fc_dir", F)) || F <- element(2, file:list_dir("fc_dir"))],
    ok = file:del_dir("fc_dir").

p(T) -> io:format("~p~n", [T]).
