-module(re_compile_inspect).
-export([main/0]).

%% re:compile/1,2 and re:inspect/2: the compiled form's fields (its binary is the
%% implementation's own and not printed), compile options, compile error messages and
%% offsets, running compiled patterns, and badarg as erl gives it.

t(Name, F) ->
    R = try F() of V -> show(V) catch C:E:S -> {C, E, frame(S)} end,
    io:format("~p: ~p~n", [Name, R]).

show({ok, {re_pattern, N, U, C, B}}) when is_binary(B) -> {ok, {re_pattern, N, U, C}};
show(V) -> V.

frame([{M, F, A, Loc} | _]) ->
    {M, F, if is_list(A) -> length(A); true -> A end, proplists:get_value(error_info, Loc)}.

errors() ->
    ["(", ")", "[a", "a{2,1}", "*a", "a**", "(?<n>a)(?<n>b)", "\\", "a\\", "(?P<", "[z-a]",
     "(?<=a+)b", "\\k<nope>", "(?z)", "[[:nope:]]", "x{99999}", "\\g{0}", "(?(1a)b)",
     "\\c", "(*NOPE)", "\\p{Nope}", "(?C256)", "a(?#", "\\8", "(?P=x)", "\\N{name}", "(?|",
     "[\\d-z]", "\\u1234", "abc)", "(a)(?-3)", "(?i", "\\x{110000}", "(?<a>x)(?&b)", "\\R{2}\\",
     [$(, $?, $<, 255, $>, $a, $)]].

main() ->
    t(plain, fun() -> re:compile("abc") end),
    t(groups, fun() -> re:compile("(a)(b)(?:c)(?<d>d)") end),
    t(unicode, fun() -> re:compile(<<"a">>, [unicode]) end),
    t(unicode_list, fun() -> re:compile("å", [unicode]) end),
    t(unicode_wide, fun() -> re:compile([1000, $a], [unicode]) end),
    t(wide_no_unicode, fun() -> re:compile([1000]) end),
    t(crlf, fun() -> re:compile("a", [{newline, crlf}]) end),
    t(any, fun() -> re:compile("a", [{newline, any}]) end),
    t(anycrlf, fun() -> re:compile("a", [{newline, anycrlf}]) end),
    t(cr, fun() -> re:compile("a", [{newline, cr}]) end),
    t(crlf_in_pattern, fun() -> re:compile("(*ANYCRLF)a") end),
    t(all_options, fun() -> re:compile("a", [unicode, anchored, caseless, dollar_endonly, dotall,
                                              extended, firstline, multiline, no_auto_capture,
                                              dupnames, ungreedy, {newline, lf}, bsr_anycrlf,
                                              bsr_unicode, no_start_optimize, ucp]) end),
    t(never_utf, fun() -> re:compile("(*UTF8)a", [never_utf]) end),
    t(exec_option, fun() -> re:compile("a", [global]) end),
    t(exec_option2, fun() -> re:compile("a", [{capture, all}]) end),
    t(exec_option3, fun() -> re:compile("a", [notbol]) end),
    t(exec_option4, fun() -> re:compile("a", [report_errors]) end),
    t(bad_option, fun() -> re:compile("a", [nope]) end),
    t(improper_options, fun() -> re:compile("a", [caseless | x]) end),
    t(bad_pattern, fun() -> re:compile(abc) end),
    t(bad_pattern2, fun() -> re:compile([a]) end),
    t(bitstring_pattern, fun() -> re:compile(<<1:1>>) end),
    [t({error, P}, fun() -> re:compile(P) end) || P <- errors()],
    t({error_unicode, bad}, fun() -> re:compile(<<"(?<", 255, ">a)">>, [unicode]) end),
    t({error_unicode, ok}, fun() -> re:compile(<<"(?<", 195, 165, ">a)">>, [unicode]) end),
    {ok, MP} = re:compile("(?<year>\\d{4})-(?<month>\\d\\d)"),
    t(run_mp, fun() -> re:run("on 2024-11", MP) end),
    t(run_mp_names, fun() -> re:run("on 2024-11", MP, [{capture, [month, year], binary}]) end),
    t(run_mp_all_names, fun() -> re:run("on 2024-11", MP, [{capture, all_names, list}]) end),
    t(run_mp_global, fun() -> re:run("2024-11 2025-01", MP, [global, {capture, all_but_first, list}]) end),
    t(run_mp_compile_opt, fun() -> re:run("a", MP, [caseless]) end),
    t(run_mp_anchored, fun() -> re:run("on 2024-11", MP, [anchored]) end),
    t(run_mp_newline, fun() -> re:run("on 2024-11", MP, [{newline, crlf}]) end),
    t(inspect, fun() -> re:inspect(MP, namelist) end),
    t(inspect_bad_item, fun() -> re:inspect(MP, names) end),
    t(inspect_none, fun() -> {ok, P} = re:compile("(a)"), re:inspect(P, namelist) end),
    t(inspect_dup, fun() -> {ok, P} = re:compile("(?<b>x)(?<a>y)|(?<b>z)", [dupnames]),
                            re:inspect(P, namelist) end),
    t(inspect_not_mp, fun() -> re:inspect("abc", namelist) end),
    t(inspect_short, fun() -> re:inspect({re_pattern, 0, 0, 0, <<1, 2>>}, namelist) end),
    t(foreign_mp, fun() -> re:run("a", {re_pattern, 0, 0, 0, <<"not a pattern">>}) end),
    t(bad_tuple, fun() -> re:run("a", {re_pattern, a, 0, 0, <<>>}) end),
    t(tuple4, fun() -> re:run("a", {re_pattern, 0, 0, 0}) end),
    {ok, UMP} = re:compile("(.)", [unicode]),
    t(unicode_mp_list, fun() -> re:run("åb", UMP, [{capture, all, list}]) end),
    t(unicode_mp_bin, fun() -> re:run(<<"åb"/utf8>>, UMP, [{capture, all, binary}]) end),
    t(unicode_mp_index, fun() -> re:run("åb", UMP) end),
    t(unicode_mp_bad_subject, fun() -> re:run(<<255>>, UMP) end),
    t(same_mp, fun() -> {ok, A} = re:compile("x+", [caseless, multiline]),
                        {ok, B} = re:compile(<<"x+">>, [multiline, caseless]),
                        A =:= B end),
    t(mp_roundtrip, fun() -> {ok, A} = re:compile("(a+)(b)"),
                             B = binary_to_term(term_to_binary(A)),
                             re:run("xaab", B, [{capture, all, list}]) end),
    ok.
