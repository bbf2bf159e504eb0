-module(bs_old_floats).
%% The same program compiled to OTP 24's construction instructions (bs_init2, bs_put_*, ...).
-compile([no_bs_create_bin]).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Vs = [0.0, 1.0, -1.5, 3.141592653589793, 1.0e10, -2.5e-10, 65504.0, 0.1, 1.0e300, 5, -7,
          1 bsl 80],
    [begin
         B64 = <<(id(V)):64/float>>,
         B32 = <<(id(V)):32/float>>,
         B16 = <<(id(V)):16/float>>,
         L64 = <<(id(V)):64/float-little>>,
         L32 = <<(id(V)):32/float-little>>,
         N64 = <<(id(V))/float-native>>,
         <<F64/float>> = B64,
         <<F32:32/float>> = B32,
         <<F16:16/float>> = B16,
         <<G64:64/float-little>> = L64,
         <<G32:32/float-little>> = L32,
         <<H64/float-native>> = N64,
         erlang:display({V, B64, B32, B16, L64, L32, F64, F32, F16, G64, G32, H64})
     end || V <- Vs],
    %% Infinity and NaN bits never match as floats.
    Inf = <<16#7FF0000000000000:64>>,
    NaN = <<16#7FF8000000000001:64>>,
    Inf32 = <<16#7F800000:32>>,
    erlang:display([case id(X) of <<F0/float>> -> F0; _ -> nomatch end || X <- [Inf, NaN]]),
    erlang:display(case id(Inf32) of <<F1:32/float>> -> F1; _ -> nomatch end),
    erlang:display(case id(<<16#7C00:16>>) of <<F2:16/float>> -> F2; _ -> nomatch end),
    %% Unaligned floats.
    U = <<(id(1)):3, (id(2.75))/float, (id(-0.5)):32/float, (id(0.25)):16/float, 0:5>>,
    <<_:3, A/float, B:32/float, C:16/float, _:5>> = U,
    erlang:display({U, A, B, C}),
    %% Wrong sizes do not match.
    Sz = id(24),
    erlang:display(case id(<<1, 2, 3>>) of <<F3:Sz/float>> -> F3; _ -> nomatch end),
    %% Overflow to infinity when narrowing.
    erlang:display({<<(id(1.0e300)):32/float>>, <<(id(1.0e10)):16/float>>}),
    erlang:display({<<(id(6.0e-8)):16/float>>, <<(id(1.0e-40)):32/float>>}),
    ok.
