-module(re_replace_split).
-export([main/0]).

%% re:replace/3,4 and re:split/2,3 (Erlang code in re.erl on top of the re BIFs).

t(Name, F) ->
    R = try F() of V -> V catch C:E:S -> {C, E, frame(S)} end,
    io:format("~p: ~p~n", [Name, R]).

frame([{M, F, A, Loc} | _]) ->
    {M, F, if is_list(A) -> length(A); true -> A end, proplists:get_value(error_info, Loc)}.

main() ->
    t(r_first, fun() -> re:replace("abcabc", "b", "X") end),
    t(r_global, fun() -> re:replace("abcabc", "b", "X", [global, {return, list}]) end),
    t(r_binary, fun() -> re:replace("abcabc", "b", "X", [global, {return, binary}]) end),
    t(r_amp, fun() -> re:replace("abc", "b", "[&]", [{return, list}]) end),
    t(r_backref, fun() -> re:replace("john smith", "(\\w+) (\\w+)", "\\2, \\1", [{return, list}]) end),
    t(r_g_ref, fun() -> re:replace("ab", "(a)(b)", "\\g{2}\\g1", [{return, list}]) end),
    t(r_escape, fun() -> re:replace("ab", "a", "\\&\\\\", [{return, list}]) end),
    t(r_empty, fun() -> re:replace("abc", "", "-", [global, {return, list}]) end),
    t(r_caseless, fun() -> re:replace("ABC", "b", "x", [caseless, {return, binary}]) end),
    t(r_unicode, fun() -> re:replace("åäö", "ä", "a", [unicode, {return, list}]) end),
    t(r_unicode_bin, fun() -> re:replace(<<"åäö"/utf8>>, "ä", "ü", [unicode, global, {return, binary}]) end),
    t(r_mp, fun() -> {ok, MP} = re:compile("\\d+"), re:replace("a1b22c", MP, "#", [global, {return, list}]) end),
    t(r_fun_like, fun() -> re:replace("x", "x", <<"yy">>, [{return, iodata}]) end),
    t(r_bad_return, fun() -> re:replace("x", "x", "y", [{return, atom}]) end),
    t(r_bad_opt, fun() -> re:replace("x", "x", "y", [bogus]) end),
    t(r_capture_opt, fun() -> re:replace("x", "x", "y", [{capture, all}]) end),
    t(r_bad_re, fun() -> re:replace("x", "(", "y") end),
    t(r_offset, fun() -> re:replace("aaa", "a", "b", [{offset, 1}, global, {return, list}]) end),
    t(s_simple, fun() -> re:split("a,b,,c", ",") end),
    t(s_list, fun() -> re:split("a,b,,c", ",", [{return, list}]) end),
    t(s_trim, fun() -> re:split("a,b,,c,,", ",", [{return, list}, trim]) end),
    t(s_parts, fun() -> re:split("a,b,c,d", ",", [{return, list}, {parts, 2}]) end),
    t(s_parts0, fun() -> re:split("a,b,,,", ",", [{return, list}, {parts, 0}]) end),
    t(s_group, fun() -> re:split("a1b2c", "(\\d)", [{return, list}, group]) end),
    t(s_groups, fun() -> re:split("a1b2c", "(\\d)", [{return, list}]) end),
    t(s_empty, fun() -> re:split("abc", "", [{return, list}]) end),
    t(s_unicode, fun() -> re:split("åxäxö", "x", [unicode, {return, list}]) end),
    t(s_unicode_empty, fun() -> re:split("åäö", "", [unicode, {return, list}]) end),
    t(s_binary, fun() -> re:split(<<"a b  c">>, " +") end),
    t(s_mp, fun() -> {ok, MP} = re:compile("[;,]"), re:split("a;b,c", MP, [{return, list}]) end),
    t(s_bad_parts, fun() -> re:split("a", ",", [{parts, -1}]) end),
    t(s_global_opt, fun() -> re:split("a", ",", [global]) end),
    t(s_bad_subject, fun() -> re:split(atom, ",") end),
    t(s_newline, fun() -> re:split("a\r\nb", "$", [multiline, {newline, crlf}, {return, list}]) end),
    ok.
