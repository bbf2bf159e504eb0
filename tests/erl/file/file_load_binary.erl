-module(file_load_binary).
-export([main/0]).

%% Loading code from binaries: OTP's base64 module's .beam (not loaded at start on either VM)
%% read with file:read_file/1, copied to a scratch directory, loaded with code:load_binary/3,
%% and run; erlang:load_module/2 and erts_internal:beamfile_chunk/2 on good and bad bytes.
main() ->
    [Src] = filelib:wildcard("/usr/lib/erlang/lib/stdlib-*/ebin/base64.beam"),
    ok = file:make_dir("flb_dir"),
    Beam = filename:join("flb_dir", "base64.beam"),
    p(file:copy(Src, Beam) =:= {ok, filelib:file_size(Src)}),
    {ok, Bin} = file:read_file(Beam),
    p(erlang:module_loaded(base64)),
    p(code:load_binary(base64, Beam, Bin)),
    p(erlang:module_loaded(base64)),
    p(base64:encode(<<"joist">>)),
    p(erlang:load_module(other_name, Bin)),
    p(erlang:load_module(other_name, <<"garbage">>)),
    p(code:load_binary(other_name, "x.beam", <<"FOR1garbage">>)),
    p(is_binary(erts_internal:beamfile_chunk(Bin, "AtU8"))),
    p(erts_internal:beamfile_chunk(Bin, "Nope")),
    p(erts_internal:beamfile_chunk(<<"junk">>, "Meta")),
    p(catch erts_internal:beamfile_chunk(Bin, "TooLong")),
    p(catch erlang:load_module("notatom", <<>>)),
    ok = file:delete(Beam),
    ok = file:del_dir("flb_dir").

p({'EXIT', {Reason, _}}) -> io:format("EXIT ~p~n", [Reason]);
p(T) -> io:format("~p~n", [T]).
