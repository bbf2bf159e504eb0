-module(re_error_info).
-export([main/0]).

%% How the shell would explain bad calls of the re functions: erl_error's formatting of the
%% exception, which asks erl_stdlib_errors about the BIF's error_info (cause badopt ...).

show(Name, F) ->
    try F() of
        V -> io:format("~p: returned ~p~n", [Name, V])
    catch
        C:R:S ->
            [Top | _] = S,
            Text = erl_error:format_exception(C, R, [Top]),
            io:format("~p:~n~ts~n", [Name, Text])
    end.

main() ->
    show(run_bad_subject, fun() -> re:run(atom, "a") end),
    show(run_bad_re, fun() -> re:run("a", atom) end),
    show(run_bad_compile, fun() -> re:run("a", "(") end),
    show(run_badopt, fun() -> re:run("a", "a", [nope]) end),
    show(run_badopt_global, fun() -> re:run("a", "a", [global, nope]) end),
    show(run_unicode_bad, fun() -> re:run(<<255>>, <<"a">>, [unicode]) end),
    show(compile_bad, fun() -> re:compile(atom) end),
    show(compile_error, fun() -> re:compile("a(", [caseless]) end),
    show(compile_badopt, fun() -> re:compile("a", [global]) end),
    show(inspect_bad, fun() -> re:inspect(foo, namelist) end),
    show(inspect_item, fun() -> re:inspect({re_pattern, 0, 0, 0, <<1, 2>>}, foo) end),
    show(replace_bad, fun() -> re:replace("a", "(", "b") end),
    show(replace_badopt, fun() -> re:replace("a", "a", "b", [nope]) end),
    show(split_bad, fun() -> re:split(atom, "a") end),
    show(split_badopt, fun() -> re:split("a", "a", [{parts, x}]) end),
    ok.
