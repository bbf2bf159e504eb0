-module(io_format).
-export([main/0, id/1]).

%% io:format and io_lib:format through OTP's own io, io_lib and io_lib_pretty modules and
%% joist's standard-output group leader: the bytes must be erl's. (Only io here: in erl,
%% erlang:display/1 can overtake output still on its way through the group leader.)
id(X) -> X.

main() ->
    io:format("plain text~n"),
    io:format("~p ~w ~s ~w~n", [{a, [1, 2], <<"bin">>, 1.5}, "str", "hello", atom]),
    io:format("~5.2f|~e|~g|~b|~.16B|~8.3.0f|~c~n", [3.14159, 2.5, 0.1, 255, 255, 1.5, $x]),
    io:format("~p~n", [#{a => 1, b => [x, y], "k" => <<1, 2, 3>>}]),
    io:format("~p~n", [[{key, lists:seq(1, 30)}, {nested, {deep, {deeper, "text"}}}]]),
    io:format("~10s|~-10s|~.3s~n", ["right", "left", "truncated"]),
    io:format("~tp ~ts~n", [[1.0, 0.1, 123456789.123, -0.0], "latin1: caf\x{e9}"]),
    io:put_chars("put_chars\n"),
    io:put_chars(<<"binary put_chars\n">>),
    io:write({written, ?MODULE:id(42)}),
    io:nl(),
    io:fwrite("~p~n", [lists:flatten(io_lib:format("~w", [{x, "y"}]))]),
    io:format("~s~n", [lists:flatten(io_lib:format("~p", [[a, "b", <<"c">>]]))]),
    {'EXIT', {Reason, _}} = (catch io:format(?MODULE:id("~p~n"), [])),
    io:format("~p~n", [{bad_format, Reason}]),
    ok.
