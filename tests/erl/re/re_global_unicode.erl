-module(re_global_unicode).
-export([main/0]).

%% Global matching (re:grun in re.erl over re:internal_run) with empty matches, CRLF and
%% unicode stepping, and unicode subjects and patterns as lists and binaries.

t(Name, F) ->
    R = try F() of V -> V catch C:E:S -> {C, E, frame(S)} end,
    io:format("~p: ~p~n", [Name, R]).

frame([{M, F, A, Loc} | _]) ->
    {M, F, if is_list(A) -> length(A); true -> A end, proplists:get_value(error_info, Loc)}.

main() ->
    t(g_simple, fun() -> re:run("abcabc", "b", [global]) end),
    t(g_groups, fun() -> re:run("a1b2c3", "([a-z])(\\d)", [global, {capture, all_but_first, list}]) end),
    t(g_empty, fun() -> re:run("abc", "", [global]) end),
    t(g_star, fun() -> re:run("baaac", "a*", [global]) end),
    t(g_lazy, fun() -> re:run("aaa", "a*?", [global]) end),
    t(g_nomatch, fun() -> re:run("abc", "x", [global]) end),
    t(g_offset, fun() -> re:run("abcabc", "b", [global, {offset, 2}]) end),
    t(g_offset_end, fun() -> re:run("abc", "", [global, {offset, 3}]) end),
    t(g_offset_past, fun() -> re:run("abc", "", [global, {offset, 4}]) end),
    t(g_none, fun() -> re:run("abcabc", "b", [global, {capture, none}]) end),
    t(g_first_bin, fun() -> re:run(<<"abcabc">>, "(b)(c)", [global, {capture, first, binary}]) end),
    t(g_names, fun() -> re:run("k1=v1,k2=v2", "(?<k>\\w+)=(?<v>\\w+)", [global, {capture, [v, k], list}]) end),
    t(g_all_names, fun() -> re:run("k1=v1,k2=v2", "(?<k>\\w+)=(?<v>\\w+)", [global, {capture, all_names, binary}]) end),
    t(g_crlf_empty, fun() -> re:run("a\r\nb", "", [global, {newline, crlf}]) end),
    t(g_lf_empty, fun() -> re:run("a\r\nb", "", [global]) end),
    t(g_anycrlf_empty, fun() -> re:run("\r\n\r\n", "$", [global, multiline, {newline, anycrlf}]) end),
    t(g_unicode_empty, fun() -> re:run("åäö", "", [global, unicode]) end),
    t(g_unicode_list, fun() -> re:run("xåyäz", "[^a-z]", [global, unicode, {capture, all, list}]) end),
    t(g_unicode_bin, fun() -> re:run(<<"xåyäz"/utf8>>, "[^a-z]", [global, unicode, {capture, all, binary}]) end),
    t(g_unicode_bad, fun() -> re:run(<<"a", 255>>, "a", [global, unicode]) end),
    t(g_notempty, fun() -> re:run("abc", "x*", [global, notempty]) end),
    t(g_report_compile, fun() -> re:run("abc", "(", [global, report_errors]) end),
    t(g_badarg_compile, fun() -> re:run("abc", "(", [global]) end),
    t(g_bad_subject, fun() -> re:run(foo, "a", [global]) end),
    t(g_bad_capture, fun() -> re:run("abc", "a", [global, {capture, bad}]) end),
    t(g_caseless, fun() -> re:run("AbA", "a", [global, caseless]) end),
    t(u_list_index, fun() -> re:run("åäö", "ä", [unicode]) end),
    t(u_list_list, fun() -> re:run("åäö", "(ä)(ö)", [unicode, {capture, all, list}]) end),
    t(u_list_bin, fun() -> re:run("åäö", "ä", [unicode, {capture, all, binary}]) end),
    t(u_bin_list, fun() -> re:run(<<"åäö"/utf8>>, <<"ä"/utf8>>, [unicode, {capture, all, list}]) end),
    t(u_bin_bin, fun() -> re:run(<<"åäö"/utf8>>, <<"ä"/utf8>>, [unicode, {capture, all, binary}]) end),
    t(u_wide, fun() -> re:run([16#1F600, $a, 16#4E2D], "\\x{4E2D}", [unicode]) end),
    t(u_dot, fun() -> re:run([16#1F600], "^.$", [unicode]) end),
    t(u_dot_bytes, fun() -> re:run(<<16#1F600/utf8>>, "^.$") end),
    t(u_caseless, fun() -> re:run("ÅÄÖ", "åäö", [unicode, caseless]) end),
    t(u_caseless_latin1, fun() -> re:run("ÅÄÖ", "åäö", [caseless]) end),
    t(u_ucp_w, fun() -> re:run([16#3B1], "^\\w$", [unicode, ucp]) end),
    t(u_no_ucp_w, fun() -> re:run([16#3B1], "^\\w$", [unicode]) end),
    t(u_property, fun() -> re:run("aΩb", "\\p{Greek}", [unicode]) end),
    t(u_bad_bin, fun() -> re:run(<<255, $a>>, <<"a">>, [unicode]) end),
    t(u_bad_list, fun() -> re:run([-1], "a", [unicode]) end),
    t(u_bad_pattern, fun() -> re:run("a", [16#110000], [unicode]) end),
    t(u_bad_offset, fun() -> re:run(<<"åa"/utf8>>, <<"a">>, [unicode, {offset, 1}]) end),
    t(u_good_offset, fun() -> re:run(<<"åa"/utf8>>, <<"a">>, [unicode, {offset, 2}]) end),
    t(u_utf8_verb, fun() -> re:run(<<"å"/utf8>>, "(*UTF8)^.$") end),
    t(u_utf8_verb_bad, fun() -> re:run(<<255>>, "(*UTF8)a") end),
    t(no_unicode_bin, fun() -> re:run(<<255, 255>>, [255]) end),
    t(latin1_word, fun() -> [C || C <- lists:seq(0, 255), re:run([C], "\\w") =/= nomatch] end),
    t(latin1_space, fun() -> [C || C <- lists:seq(0, 255), re:run([C], "\\s") =/= nomatch] end),
    t(latin1_caseless, fun() -> [{C, D} || C <- lists:seq(128, 255), D <- lists:seq(128, 255),
                                           C =/= D, re:run([C], [$\\, $x, integer_to_list(D, 16)], [caseless]) =/= nomatch] end),
    [t({latin1_class, Cl}, fun() -> [C || C <- lists:seq(0, 255), re:run([C], "[[:" ++ Cl ++ ":]]") =/= nomatch] end)
     || Cl <- ["alpha", "digit", "xdigit", "upper", "lower", "alnum", "space", "blank", "cntrl",
               "graph", "print", "punct", "word"]],
    ok.
