/**
 * The protobuf wire format as nim-libp2p's minprotobuf writes it (spec datapath §7.2): written by
 * hand because generated proto3 code drops zero fields, which changes Codex's bytes and CIDs.
 */
package io.slotbeam.core.protobuf;
