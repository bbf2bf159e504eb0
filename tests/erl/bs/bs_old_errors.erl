-module(bs_old_errors).
%% The same program compiled to OTP 24's construction instructions (bs_init2, bs_put_*, ...).
-compile([no_bs_create_bin]).
-export([main/0, id/1]).

id(X) -> X.

int(X, S) -> <<X:S>>.
bin(X, S) -> <<X:S/binary>>.
flt(X, S) -> <<X:S/float>>.
utf(X) -> <<X/utf8>>.
bits(X) -> <<X/binary>>.
app(X) -> <<X/binary, 1>>.

info(F) ->
    try F() of
        R -> {ok, R}
    catch
        error:R:St ->
            case St of
                [{_, _, _, Loc} | _] -> {R, lists:keyfind(error_info, 1, Loc)};
                _ -> {R, St}
            end
    end.

f(<<X:8, Y/binary>>) -> {X, Y}.

main() ->
    erlang:display(catch int(id(foo), 8)),
    erlang:display(catch int(id(1), id(-1))),
    erlang:display(catch int(id(1), id(bar))),
    erlang:display(catch bin(id(<<1, 2>>), id(3))),
    erlang:display(catch bits(id(<<1:7>>))),
    erlang:display(catch flt(id(abc), 64)),
    erlang:display(catch utf(id(-3))),
    erlang:display(catch app(id(foo))),
    erlang:display(catch f(id(<<>>))),
    erlang:display(catch (fun() -> <<A:8>> = id(<<1, 2>>), A end)()),
    [erlang:display(info(F)) || F <- [
        fun() -> int(id(1.5), 8) end,
        fun() -> bin(id(<<1:3>>), 1) end,
        fun() -> bin(id(abc), 1) end,
        fun() -> flt(id(1.0), id(8)) end,
        fun() -> flt(id(a), id(b)) end,
        fun() -> flt(id(1 bsl 1100), 64) end,
        fun() -> utf(id(16#D800)) end,
        fun() -> utf(id(16#110000)) end,
        fun() -> <<(id(<<>>))/binary, (id(x))/utf16>> end,
        fun() -> <<(id(a)):8, (id(b)):(id(c))>> end,
        fun() -> <<(id(1)):(id(1 bsl 62))>> end,
        fun() -> X = id(<<1, 2>>), <<X:(id(-8))/binary>> end,
        fun() -> X = id(<<1:1>>), <<X/binary, 3>> end,
        fun() -> << <<Y>> || Y <- id([1, a]) >> end
    ]],
    ok.
