pragma circom 2.0.0;

// Poseidon2 over BN254 with state width t = 3 (spec datapath.md §4.4–§4.6):
// the permutation, the keyed 2-to-1 compression and the rate-2 sponge with "10*" padding.

include "poseidon2_constants.circom";

// The Poseidon2 permutation: x^5 S-box, an initial external linear layer, 4 external rounds,
// 56 internal rounds, 4 external rounds (§4.4). Cost: 240 non-linear constraints
// (3 per S-box: x^2, x^4, x^5; 8·3 + 56 S-boxes); the linear layers are folded into the
// linear combinations feeding the next S-box, so they cost nothing.
template Poseidon2Permutation() {
  signal input inp[3];
  signal output out[3];

  var RCE[8][3] = Poseidon2ExternalRC();
  var RCI[56] = Poseidon2InternalRC();

  // S-box wires: x2 = a^2, x4 = a^4, y = a^5 where a is the S-box input (a linear combination).
  signal ex2[8][3];
  signal ex4[8][3];
  signal ey[8][3];
  signal ix2[56];
  signal ix4[56];
  signal iy[56];

  var s[3];
  var t;
  var a;

  // Initial external linear layer: matrix [[2,1,1],[1,2,1],[1,1,2]].
  t = inp[0] + inp[1] + inp[2];
  s[0] = inp[0] + t;
  s[1] = inp[1] + t;
  s[2] = inp[2] + t;

  for (var r = 0; r < 8; r++) {
    if (r == 4) {
      // The 56 internal rounds sit between external rounds 3 and 4.
      for (var j = 0; j < 56; j++) {
        a = s[0] + RCI[j];
        ix2[j] <== a * a;
        ix4[j] <== ix2[j] * ix2[j];
        iy[j] <== ix4[j] * a;
        // Internal linear layer: matrix [[2,1,1],[1,2,1],[1,1,3]].
        t = iy[j] + s[1] + s[2];
        s[0] = iy[j] + t;
        s[1] = s[1] + t;
        s[2] = 2 * s[2] + t;
      }
    }
    for (var k = 0; k < 3; k++) {
      a = s[k] + RCE[r][k];
      ex2[r][k] <== a * a;
      ex4[r][k] <== ex2[r][k] * ex2[r][k];
      ey[r][k] <== ex4[r][k] * a;
    }
    t = ey[r][0] + ey[r][1] + ey[r][2];
    s[0] = ey[r][0] + t;
    s[1] = ey[r][1] + t;
    s[2] = ey[r][2] + t;
  }

  out[0] <== s[0];
  out[1] <== s[1];
  out[2] <== s[2];
}

// Keyed compression (§4.5): H(a, b, key) = perm(a, b, key).s0.
// Codex Merkle keys: bit0 = bottom layer, bit1 = odd (lone last) node.
template Poseidon2Compress() {
  signal input a;
  signal input b;
  signal input key;
  signal output out;

  component p = Poseidon2Permutation();
  p.inp[0] <== a;
  p.inp[1] <== b;
  p.inp[2] <== key;
  out <== p.out[0];
}

// Rate-2 sponge over n field elements (§4.6): state (0, 0, IV) with IV = 2^64 + 256·3 + 2,
// input padded with one 1 then zeros to an even length ("10*" on field elements), each block of
// two elements added to (s0, s1) and permuted; the output is s0. n + 1 rounded up to even
// elements give (n + 2) \ 2 permutations: 2 for n = 3, 34 for a 67-element cell.
template Poseidon2SpongeRate2(n) {
  signal input inp[n];
  signal output out;

  var IV = 18446744073709552386; // 2^64 + 256*3 + 2
  var nBlocks = (n + 2) \ 2;

  component perm[nBlocks];
  for (var blk = 0; blk < nBlocks; blk++) {
    perm[blk] = Poseidon2Permutation();
    for (var k = 0; k < 2; k++) {
      var i = 2 * blk + k;
      var x;
      if (i < n) {
        x = inp[i];
      } else if (i == n) {
        x = 1;
      } else {
        x = 0;
      }
      if (blk == 0) {
        perm[blk].inp[k] <== x;
      } else {
        perm[blk].inp[k] <== perm[blk - 1].out[k] + x;
      }
    }
    if (blk == 0) {
      perm[blk].inp[2] <== IV;
    } else {
      perm[blk].inp[2] <== perm[blk - 1].out[2];
    }
  }
  out <== perm[nBlocks - 1].out[0];
}
