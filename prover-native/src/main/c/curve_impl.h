/*
 * The generic short-Weierstrass (a = 0) group code behind curve.h, included once per group by
 * curve.c with these macros defined:
 *   G            name prefix (g1, g2)           E        coordinate type (fe, fp2)
 *   E_ADD E_SUB E_DBL E_MUL E_SQR E_INV         coordinate arithmetic (out, a[, b])
 *   E_COPY E_ZERO E_ONE E_IS_ZERO E_EQUAL       helpers;  E_B the curve's b (Montgomery)
 * Formulas: "dbl-2009-l", "add-2007-bl" and "madd-2007-bl" of the Explicit-Formulas Database
 * (hyperelliptic.org/EFD/g1p/auto-shortw-jacobian-0.html).
 */
#define CAT_(a, b) a##_##b
#define CAT(a, b) CAT_(a, b)
#define FN(name) CAT(G, name)
#define JAC CAT(G, jac)
#define AFF CAT(G, aff)
#define E_LIMBS ((int)(sizeof(E) / sizeof(uint64_t)))

void FN(set_infinity)(JAC *out) {
  E_ONE(out->x);
  E_ONE(out->y);
  E_ZERO(out->z);
}

int FN(is_infinity)(const JAC *p) { return E_IS_ZERO(p->z); }

int FN(aff_is_infinity)(const AFF *p) { return E_IS_ZERO(p->x) && E_IS_ZERO(p->y); }

int FN(is_on_curve)(const AFF *p) {
  E lhs, rhs;
  E_SQR(lhs, p->y);
  E_SQR(rhs, p->x);
  E_MUL(rhs, rhs, p->x);
  E_ADD(rhs, rhs, E_B);
  return E_EQUAL(lhs, rhs);
}

void FN(from_affine)(JAC *out, const AFF *p) {
  if (FN(aff_is_infinity)(p)) {
    FN(set_infinity)(out);
    return;
  }
  E_COPY(out->x, p->x);
  E_COPY(out->y, p->y);
  E_ONE(out->z);
}

void FN(to_affine)(AFF *out, const JAC *p) {
  if (FN(is_infinity)(p)) {
    E_ZERO(out->x);
    E_ZERO(out->y);
    return;
  }
  E zi, zi2;
  E_INV(zi, p->z);
  E_SQR(zi2, zi);
  E_MUL(out->x, p->x, zi2);
  E_MUL(zi2, zi2, zi);
  E_MUL(out->y, p->y, zi2);
}

void FN(dbl)(JAC *out, const JAC *p) {
  if (FN(is_infinity)(p)) {
    *out = *p;
    return;
  }
  E a, b, c, d, e, f, t;
  E_SQR(a, p->x);
  E_SQR(b, p->y);
  E_SQR(c, b);
  E_ADD(d, p->x, b);
  E_SQR(d, d);
  E_SUB(d, d, a);
  E_SUB(d, d, c);
  E_DBL(d, d);
  E_DBL(e, a);
  E_ADD(e, e, a);
  E_SQR(f, e);
  E_MUL(t, p->y, p->z); /* before out->x overwrites an aliased p */
  E_DBL(out->z, t);
  E_DBL(t, d);
  E_SUB(out->x, f, t);
  E_SUB(t, d, out->x);
  E_MUL(t, e, t);
  E_DBL(c, c);
  E_DBL(c, c);
  E_DBL(c, c);
  E_SUB(out->y, t, c);
}

/* The common end of the Jacobian additions (EFD add-2007-bl, madd-2007-bl): X3 = r² − J − 2V and
 * Y3 = r·(V − X3) − 2·s·J, where s is S1 (or Y1 for the mixed addition); s is overwritten. */
static inline void FN(add_tail)(JAC *out, const E r, const E j, const E v, E s) {
  E t;
  E_SQR(t, r);
  E_SUB(t, t, j);
  E_SUB(t, t, v);
  E_SUB(out->x, t, v);
  E_SUB(t, v, out->x);
  E_MUL(t, r, t);
  E_MUL(s, s, j);
  E_DBL(s, s);
  E_SUB(out->y, t, s);
}

void FN(add)(JAC *out, const JAC *p, const JAC *q) {
  if (FN(is_infinity)(p)) {
    *out = *q;
    return;
  }
  if (FN(is_infinity)(q)) {
    *out = *p;
    return;
  }
  E z1z1, z2z2, u1, u2, s1, s2, h, i, j, r, v, t;
  E_SQR(z1z1, p->z);
  E_SQR(z2z2, q->z);
  E_MUL(u1, p->x, z2z2);
  E_MUL(u2, q->x, z1z1);
  E_MUL(s1, p->y, q->z);
  E_MUL(s1, s1, z2z2);
  E_MUL(s2, q->y, p->z);
  E_MUL(s2, s2, z1z1);
  E_SUB(h, u2, u1);
  E_SUB(r, s2, s1);
  if (E_IS_ZERO(h)) {
    if (E_IS_ZERO(r)) {
      FN(dbl)(out, p);
    } else {
      FN(set_infinity)(out);
    }
    return;
  }
  E_DBL(i, h);
  E_SQR(i, i);
  E_MUL(j, h, i);
  E_DBL(r, r);
  E_MUL(v, u1, i);
  E_ADD(t, p->z, q->z);
  E_SQR(t, t);
  E_SUB(t, t, z1z1);
  E_SUB(t, t, z2z2);
  E_MUL(out->z, t, h);
  FN(add_tail)(out, r, j, v, s1);
}

void FN(add_mixed)(JAC *out, const JAC *p, const AFF *q) {
  if (FN(aff_is_infinity)(q)) {
    *out = *p;
    return;
  }
  if (FN(is_infinity)(p)) {
    FN(from_affine)(out, q);
    return;
  }
  E z1z1, u2, s2, h, hh, i, j, r, v, t, y1;
  E_SQR(z1z1, p->z);
  E_MUL(u2, q->x, z1z1);
  E_MUL(s2, q->y, p->z);
  E_MUL(s2, s2, z1z1);
  E_SUB(h, u2, p->x);
  E_SUB(r, s2, p->y);
  if (E_IS_ZERO(h)) {
    if (E_IS_ZERO(r)) {
      FN(dbl)(out, p);
    } else {
      FN(set_infinity)(out);
    }
    return;
  }
  E_SQR(hh, h);
  E_DBL(i, hh);
  E_DBL(i, i);
  E_MUL(j, h, i);
  E_DBL(r, r);
  E_MUL(v, p->x, i);
  E_COPY(y1, p->y);
  E_ADD(t, p->z, h);
  E_SQR(t, t);
  E_SUB(t, t, z1z1);
  E_SUB(out->z, t, hh);
  FN(add_tail)(out, r, j, v, y1);
}

void FN(mul)(JAC *out, const AFF *p, const uint64_t *k) {
  JAC acc;
  FN(set_infinity)(&acc);
  for (int bit = 255; bit >= 0; bit--) {
    FN(dbl)(&acc, &acc);
    if ((k[bit / 64] >> (bit % 64)) & 1) {
      FN(add_mixed)(&acc, &acc, p);
    }
  }
  *out = acc;
}

void FN(batch_add_affine)(AFF *out, const AFF *a, const AFF *b, E *scratch, size_t n) {
  E *num = scratch, *den = scratch + n, *tmp = scratch + 2 * n;
  for (size_t i = 0; i < n; i++) {
    E_ZERO(den[i]); /* zero: no slope needed (an infinity, or a + b = infinity) */
    if (FN(aff_is_infinity)(&a[i]) || FN(aff_is_infinity)(&b[i])) {
      continue;
    }
    if (!E_EQUAL(a[i].x, b[i].x)) {
      E_SUB(num[i], b[i].y, a[i].y);
      E_SUB(den[i], b[i].x, a[i].x);
    } else if (E_EQUAL(a[i].y, b[i].y)) { /* doubling: slope 3x^2 / 2y */
      E_SQR(num[i], a[i].x);
      E_DBL(tmp[i], num[i]);
      E_ADD(num[i], num[i], tmp[i]);
      E_DBL(den[i], a[i].y);
    }
  }
  for (size_t i = 0; i < n; i++) {
    /* batch inversion, Montgomery's trick: tmp[i] = product of the non-zero den[0..i) */
    if (i == 0) {
      E_ONE(tmp[0]);
    } else {
      E_COPY(tmp[i], tmp[i - 1]);
      if (!E_IS_ZERO(den[i - 1])) E_MUL(tmp[i], tmp[i], den[i - 1]);
    }
  }
  E inv;
  if (n > 0) {
    E_COPY(inv, tmp[n - 1]);
    if (!E_IS_ZERO(den[n - 1])) E_MUL(inv, inv, den[n - 1]);
    E_INV(inv, inv);
  }
  for (size_t i = n; i-- > 0;) {
    AFF r;
    if (FN(aff_is_infinity)(&a[i])) {
      r = b[i];
    } else if (FN(aff_is_infinity)(&b[i])) {
      r = a[i];
    } else if (E_IS_ZERO(den[i])) {
      E_ZERO(r.x);
      E_ZERO(r.y);
    } else {
      E lambda, t;
      E_MUL(lambda, inv, tmp[i]); /* 1/den[i] */
      E_MUL(inv, inv, den[i]);
      E_MUL(lambda, lambda, num[i]);
      E_SQR(t, lambda);
      E_SUB(t, t, a[i].x);
      E_SUB(r.x, t, b[i].x);
      E_SUB(t, a[i].x, r.x);
      E_MUL(t, lambda, t);
      E_SUB(r.y, t, a[i].y);
    }
    out[i] = r;
  }
}

int FN(read)(AFF *out, const uint8_t *bytes, int montgomery) {
  uint64_t *coords[2] = {out->x, out->y};
  for (int c = 0; c < 2; c++) {
    for (int k = 0; k < E_LIMBS / 4; k++) {
      uint64_t *limbs = coords[c] + 4 * k;
      if (fe_read_le(&sb_fp, limbs, bytes + 32 * (c * E_LIMBS / 4 + k)) != 0) {
        return SB_ERR_NONCANONICAL;
      }
      if (!montgomery) {
        fe_to_mont(&sb_fp, limbs, limbs);
      }
    }
  }
  if (FN(aff_is_infinity)(out) || FN(is_on_curve)(out)) {
    return SB_OK;
  }
  return SB_ERR_NOT_ON_CURVE;
}

void FN(write)(uint8_t *bytes, const AFF *p, int montgomery) {
  const uint64_t *coords[2] = {p->x, p->y};
  for (int c = 0; c < 2; c++) {
    for (int k = 0; k < E_LIMBS / 4; k++) {
      fe limbs;
      if (montgomery) {
        fe_copy(limbs, coords[c] + 4 * k);
      } else {
        fe_from_mont(&sb_fp, limbs, coords[c] + 4 * k);
      }
      fe_write_le(bytes + 32 * (c * E_LIMBS / 4 + k), limbs);
    }
  }
}

#undef CAT_
#undef CAT
#undef FN
#undef JAC
#undef AFF
#undef E_LIMBS
