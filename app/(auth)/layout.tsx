export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center px-6 py-12">
      <p className="mb-8 text-center text-2xl font-semibold tracking-tight">Atelier</p>
      {children}
    </main>
  );
}
