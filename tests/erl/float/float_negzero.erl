-module(float_negzero).
-export([main/0, id/1]).

%% Negative zero: creation, printing, comparison (OTP 25: 0.0 =:= -0.0).
id(X) -> X.

main() ->
    NZ = ?MODULE:id(-0.0), Z = ?MODULE:id(0.0),
    erlang:display({NZ, Z, -Z, Z * -1, NZ * NZ, NZ + Z, NZ - Z, Z - Z}),
    erlang:display({float_to_list(NZ), float_to_list(-Z), float_to_list(Z * -1.0)}),
    erlang:display({cmp, NZ == Z, NZ =:= Z, NZ < Z, NZ > Z, NZ == 0, NZ =:= 0}),
    erlang:display({round, round(NZ), trunc(NZ), float(NZ), abs(NZ)}),
    erlang:display({sort, lists:sort([Z, NZ, 0, -0.0]), lists:usort([Z, NZ])}),
    ok.
