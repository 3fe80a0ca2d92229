"use client";

import * as Dialog from "@radix-ui/react-dialog";
import Link from "next/link";
import { UserRound, X } from "lucide-react";
import { SideNav } from "../side-nav";
import { SignOutButton } from "../sign-out-button";

export type MenuSheetProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onClosed: () => void;
  showAdmin: boolean;
  name: string;
  email: string;
};

/**
 * The sheet behind the menu button: Radix traps focus in it and closes it on Escape or outside.
 * Account and sign-out come first, so a long administration list never pushes them off a short screen.
 */
export function MobileMenuSheet({ open, onOpenChange, onClosed, showAdmin, name, email }: MenuSheetProps) {
  const close = () => onOpenChange(false);
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-950/50 md:hidden" />
        <Dialog.Content
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            onClosed();
          }}
          className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col gap-6 overflow-y-auto bg-ink-900 px-3 py-5 shadow-xl focus:outline-none md:hidden"
        >
          <div className="flex items-center justify-between px-3">
            <Dialog.Title className="text-lg font-semibold tracking-tight text-white">Enclave</Dialog.Title>
            <Dialog.Close aria-label="Close menu" className="rounded-md p-1.5 text-slate-300 hover:bg-white/10">
              <X aria-hidden="true" className="size-5" />
            </Dialog.Close>
          </div>
          <Dialog.Description className="sr-only">Navigation</Dialog.Description>
          <div className="space-y-3 border-b border-white/10 px-3 pb-4 text-sm">
            <p className="leading-tight text-white">
              {name}
              <span className="block text-xs text-slate-400">{email}</span>
            </p>
            <div className="flex gap-2">
              <Link href="/account" onClick={close} className="btn-secondary gap-1.5">
                <UserRound aria-hidden="true" className="size-4" />
                Account
              </Link>
              <SignOutButton />
            </div>
          </div>
          <SideNav showAdmin={showAdmin} onNavigate={close} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
