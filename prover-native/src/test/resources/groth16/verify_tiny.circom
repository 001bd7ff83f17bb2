pragma circom 2.0.0;

// A two-constraint statement for the verifier tests: c = a*b*a + b with b public, so a proof has
// the public signals [c, b] (outputs first, then public inputs; nPublic = 2).
template VerifyTiny() {
  signal input a;
  signal input b;
  signal output c;
  signal ab;
  ab <== a * b;
  c <== ab * a + b;
}

component main {public [b]} = VerifyTiny();
